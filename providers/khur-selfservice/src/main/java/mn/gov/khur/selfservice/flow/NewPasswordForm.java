package mn.gov.khur.selfservice.flow;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * "Нууц үг сэргээх", last page: new password twice ("цааш"). Runs only after the SMS step matched
 * the registered phone of the account; sets the password, signs out every session of the user,
 * emits RESET_PASSWORD, shows the done page.
 */
final class NewPasswordForm implements FlowStep {

    static final String TEMPLATE = "khur-new-password.ftl";
    private static final Logger LOG = Logger.getLogger(NewPasswordForm.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (account(context) == null) {
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
        UserModel user = account(context);
        if (user == null) {
            context.resetFlow();
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        EventBuilder event = context.getEvent().clone().event(EventType.RESET_PASSWORD).user(user)
                .detail(Details.AUTH_METHOD, "khur-selfservice").detail("khur_flow", "password-reset")
                .detail("khur_phone", SelfServiceTarget.read(context.getAuthenticationSession()).phone().masked());
        FormMessage problem = Passwords.problem(context, user.getUsername(), form.getFirst("password-new"),
                form.getFirst("password-confirm"));
        if (problem != null) {
            event.detail("khur_reason", "password_policy").error("invalid_password");
            context.challenge(context.form().addError(problem).createForm(TEMPLATE));
            return;
        }
        user.credentialManager().updateCredential(org.keycloak.models.UserCredentialModel.password(form.getFirst("password-new"), false));
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        int signedOut = signOutEverywhere(context, user);
        event.detail("khur_sessions_signed_out", String.valueOf(signedOut)).success();
        LOG.debugf("Password of user %s reset by reverse SMS; %d sessions signed out", user.getId(), signedOut);
        SelfServiceTarget.clear(context.getAuthenticationSession());
        context.forceChallenge(DonePage.show(context, "password-reset"));
    }

    private static int signOutEverywhere(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(context.getRealm(), user).toList();
        for (UserSessionModel userSession : sessions) {
            AuthenticationManager.backchannelLogout(session, context.getRealm(), userSession, context.getUriInfo(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true);
        }
        return sessions.size();
    }

    private static UserModel account(AuthenticationFlowContext context) {
        SmsTarget target = SelfServiceTarget.verified(context.getAuthenticationSession(), ChallengePurpose.PASSWORD_RESET);
        if (target == null) {
            return null;
        }
        UserModel user = context.getSession().users().getUserById(context.getRealm(), target.subjectRef());
        return user != null && user.isEnabled() ? user : null;
    }
}
