package mn.gov.khur.selfservice.flow;

import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.registry.approval.RegistryApproval;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * "Бүртгүүлэх", after the reverse SMS from the new phone matched and {@link ProvenPhoneGuard} found that phone
 * in the citizen's own name: only now the account exists, with register number, verified phone, birth date
 * and gender from the register number. Emits REGISTER; the flow goes on to the state registry's names
 * ({@code khur-registry-approval}) and ends on the done page ({@link RegistrationDone}); the citizen then logs in
 * (password + reverse SMS) like any other time.
 *
 * <p>A register number that already has an account is told as such ("log in or recover the password") only
 * to the holder of that account's own phone; anyone else gets the same "cannot be confirmed" page as for a
 * phone in another name, so registration never tells who has an account. An account without a phone (registered
 * through a bank) is told as such to the holder of a phone in the citizen's own name (the guard checked that), with
 * the way in that works for it: log in through the bank, then add the phone and a password there.
 */
final class RegistrationCompletion implements FlowStep {

    private static final Logger LOG = Logger.getLogger(RegistrationCompletion.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        PendingRegistration pending = PendingRegistration.read(context.getAuthenticationSession());
        if (pending == null) {
            context.resetFlow();
            return;
        }
        SmsTarget target = ProvenPhoneGuard.confirmedOrEnd(context, ChallengePurpose.REGISTRATION);
        if (target == null) {
            return;
        }
        var event = context.getEvent().clone().event(EventType.REGISTER)
                .detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, "registration")
                .detail(KhurEvents.PHONE, target.phone().masked())
                .detail(Details.USERNAME, pending.registerNumber().username());
        String username = pending.registerNumber().username();
        UserModel existing = context.getSession().users().getUserByUsername(context.getRealm(), username);
        if (existing != null) {
            // nothing is overwritten; a registration in another tab meanwhile ends here too
            Optional<MongolianMobileNumber> accountsPhone =
                    MongolianMobileNumber.tryParse(existing.getFirstAttribute(CitizenAttributes.PHONE_NUMBER));
            SelfServiceRefusal refusal;
            String reason;
            if (accountsPhone.isEmpty()) {
                // registered through a bank: recovery has no phone to work with. The guard found this phone in the
                // citizen's own name, the proof on which phone change would bind it, so saying so tells no more.
                refusal = SelfServiceRefusal.REGISTERED_WITHOUT_PHONE;
                reason = "already_registered_without_phone";
            } else if (accountsPhone.get().equals(target.phone())) {
                refusal = SelfServiceRefusal.ALREADY_REGISTERED;
                reason = "already_registered";
            } else {
                refusal = SelfServiceRefusal.NOT_CONFIRMED;
                reason = "already_registered_other_phone";
            }
            event.user(existing).detail(KhurEvents.REASON, reason).error(Errors.USERNAME_IN_USE);
            SelfServiceTarget.clear(context.getAuthenticationSession());
            PendingRegistration.clear(context.getAuthenticationSession());
            context.forceChallenge(refusal.page(context));
            return;
        }
        UserModel user = context.getSession().users().addUser(context.getRealm(), username);
        user.setEnabled(true);
        user.setSingleAttribute(CitizenAttributes.REGISTER_NUMBER, pending.registerNumber().value());
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER, target.phone().e164());
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED, "true");
        user.setSingleAttribute(CitizenAttributes.BIRTHDATE, pending.registerNumber().birthDate().toString());
        user.setSingleAttribute(CitizenAttributes.GENDER, pending.registerNumber().gender().name().toLowerCase(java.util.Locale.ROOT));
        user.credentialManager().createStoredCredential(pending.passwordCredential());
        event.user(user).success();
        LOG.debugf("Registered user %s by reverse SMS from %s", user.getId(), target.phone().masked());
        SelfServiceTarget.clear(context.getAuthenticationSession());
        PendingRegistration.clear(context.getAuthenticationSession());
        // the registry's names next (khur-registry-approval), then the done page (khur-registration-done)
        context.getAuthenticationSession().setAuthNote(RegistryApproval.SUBJECT_NOTE, user.getId());
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.resetFlow();
    }
}
