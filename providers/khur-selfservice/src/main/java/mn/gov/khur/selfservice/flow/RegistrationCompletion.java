package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * "Бүртгүүлэх", after the reverse SMS from the new phone matched: only now the account exists, with
 * register number, verified phone, birth date and gender from the register number. Emits REGISTER and
 * shows the done page; the citizen then logs in (password + reverse SMS) like any other time.
 */
final class RegistrationCompletion implements FlowStep {

    private static final Logger LOG = Logger.getLogger(RegistrationCompletion.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsTarget target = SelfServiceTarget.verified(context.getAuthenticationSession(), ChallengePurpose.REGISTRATION);
        PendingRegistration pending = PendingRegistration.read(context.getAuthenticationSession());
        if (target == null || pending == null) {
            context.resetFlow();
            return;
        }
        var event = context.getEvent().clone().event(EventType.REGISTER)
                .detail(Details.AUTH_METHOD, "khur-selfservice").detail("khur_flow", "registration")
                .detail("khur_phone", target.phone().masked())
                .detail(Details.USERNAME, pending.registerNumber().username());
        String username = pending.registerNumber().username();
        if (context.getSession().users().getUserByUsername(context.getRealm(), username) != null) {
            // registered meanwhile (another tab): nothing is overwritten
            event.detail("khur_reason", "already_registered").error("username_in_use");
            SelfServiceTarget.clear(context.getAuthenticationSession());
            PendingRegistration.clear(context.getAuthenticationSession());
            context.forceChallenge(context.form().setError("khurRegisterAlreadyRegistered").createErrorPage(
                    jakarta.ws.rs.core.Response.Status.CONFLICT));
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
        context.forceChallenge(DonePage.show(context, "registration"));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.resetFlow();
    }
}
