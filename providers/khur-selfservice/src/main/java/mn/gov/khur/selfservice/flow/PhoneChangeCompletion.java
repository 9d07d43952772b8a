package mn.gov.khur.selfservice.flow;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.PhoneChangeEntry;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * "Утасны дугаар солих", after the reverse SMS from the new phone matched and {@link ProvenPhoneGuard} found it in
 * the citizen's own name: {@code phone_number} replaced, {@code phone_number_verified=true}, every session,
 * offline token and consent of the citizen ended, event UPDATE_PROFILE with the old and new numbers masked,
 * done page. Never logs anyone in.
 */
final class PhoneChangeCompletion implements FlowStep {

    private static final Logger LOG = Logger.getLogger(PhoneChangeCompletion.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsTarget target = ProvenPhoneGuard.confirmedOrEnd(context, ChallengePurpose.PHONE_CHANGE);
        if (target == null) {
            return;
        }
        UserModel user = context.getSession().users().getUserById(context.getRealm(), target.subjectRef());
        if (user == null || !user.isEnabled()) {
            context.resetFlow();
            return;
        }
        String previous = MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER))
                .map(MongolianMobileNumber::masked).orElse("none");
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER, target.phone().e164());
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED, "true");
        var event = context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                .detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, "phone-change")
                .detail(Details.PREF_PREVIOUS + CitizenAttributes.PHONE_NUMBER, previous)
                .detail(Details.PREF_UPDATED + CitizenAttributes.PHONE_NUMBER, target.phone().masked());
        // a new phone is a new second factor: nothing logged in with the old one survives it
        CitizenSessions.endAll(context, user).addTo(event);
        event.success();
        LOG.debugf("Phone of user %s changed from %s to %s by reverse SMS from the new phone", user.getId(), previous,
                target.phone().masked());
        SelfServiceTarget.clear(context.getAuthenticationSession());
        PhoneChangeEntry.clear(context.getAuthenticationSession());
        context.forceChallenge(DonePage.show(context, "phone-change", user));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.resetFlow();
    }
}
