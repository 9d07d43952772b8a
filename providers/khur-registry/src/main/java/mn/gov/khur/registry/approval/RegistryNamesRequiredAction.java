package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Required action {@code khur-registry-names}: set on an account by the retry task (the registry answers again) or an
 * operator's refresh, it asks the citizen's approval at the next login, after any method. Never blocks the login:
 * every outcome, "later" included, ends the action.
 */
final class RegistryNamesRequiredAction implements RequiredActionProvider {

    private final RegistryApproval approval;

    RegistryNamesRequiredAction(RegistryApproval approval) {
        this.approval = approval;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!RegistryApproval.needed(context.getUser())) {
            context.success();
            return;
        }
        approval.begin(new ActionContext(context));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!RegistryApproval.needed(context.getUser())) {
            context.success();
            return;
        }
        approval.action(new ActionContext(context));
    }

    @Override
    public void close() {
    }

    private record ActionContext(RequiredActionContext action) implements ApprovalContext {
        @Override
        public KeycloakSession session() {
            return action.getSession();
        }

        @Override
        public UserModel user() {
            return action.getUser();
        }

        @Override
        public AuthenticationSessionModel authSession() {
            return action.getAuthenticationSession();
        }

        @Override
        public LoginFormsProvider form() {
            return action.form();
        }

        @Override
        public EventBuilder event() {
            return action.getEvent();
        }

        @Override
        public MultivaluedMap<String, String> formParameters() {
            return action.getHttpRequest().getDecodedFormParameters();
        }

        @Override
        public void challenge(Response page) {
            action.challenge(page);
        }

        @Override
        public void done() {
            action.success();
        }
    }
}
