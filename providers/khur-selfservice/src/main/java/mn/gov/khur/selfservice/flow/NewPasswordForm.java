package mn.gov.khur.selfservice.flow;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Нууц үг сэргээх", last page: new password twice ("цааш"). Runs only after the SMS step matched
 * the registered phone of the account and {@link ProvenPhoneGuard} found that phone still in the citizen's
 * own name; sets the password, ends every session, offline token and consent of the user, emits
 * RESET_PASSWORD, shows the done page.
 */
final class NewPasswordForm implements FlowStep {

    static final String TEMPLATE = "khur-new-password.ftl";
    private static final Logger LOG = Logger.getLogger(NewPasswordForm.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsTarget target = ProvenPhoneGuard.confirmedOrEnd(context, ChallengePurpose.PASSWORD_RESET);
        if (target == null) {
            return;
        }
        if (account(context, target) == null) {
            context.resetFlow();
            return;
        }
        context.challenge(context.form().createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        SmsTarget target = ProvenPhoneGuard.confirmedOrEnd(context, ChallengePurpose.PASSWORD_RESET);
        if (target == null) {
            return;
        }
        UserModel user = account(context, target);
        if (user == null) {
            context.resetFlow();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        EventBuilder event = context.getEvent().clone().event(EventType.RESET_PASSWORD).user(user)
                .detail(Details.AUTH_METHOD, KhurEvents.SELF_SERVICE_METHOD).detail(KhurEvents.FLOW, "password-reset")
                .detail(KhurEvents.PHONE, target.phone().masked());
        FormMessage problem = Passwords.problem(context, user.getUsername(), form.getFirst("password-new"),
                form.getFirst("password-confirm"));
        if (problem != null) {
            event.detail(KhurEvents.REASON, KhurEvents.REASON_PASSWORD_POLICY).error(KhurEvents.INVALID_PASSWORD);
            context.challenge(context.form().addError(problem).createForm(TEMPLATE));
            return;
        }
        user.credentialManager().updateCredential(org.keycloak.models.UserCredentialModel.password(form.getFirst("password-new"), false));
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        CitizenSessions.Ended ended = CitizenSessions.endAll(context, user);
        ended.addTo(event);
        event.success();
        LOG.debugf("Password of user %s reset by reverse SMS; ended %s", user.getId(), ended);
        SelfServiceTarget.clear(context.getAuthenticationSession());
        context.forceChallenge(DonePage.show(context, "password-reset", user));
    }

    private static UserModel account(AuthenticationFlowContext context, SmsTarget target) {
        UserModel user = context.getSession().users().getUserById(context.getRealm(), target.subjectRef());
        return user != null && user.isEnabled() ? user : null;
    }
}
