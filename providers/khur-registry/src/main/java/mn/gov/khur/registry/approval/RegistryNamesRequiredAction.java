package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.identity.signature.TokenLoginCertificate;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.retry.RegistryRefresh;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Required action {@code khur-registry-names}: set on an account by the retry task (the registry answers again) or an
 * operator's refresh, it asks the citizen's approval at the next login, after any method; also raised for one login
 * by a USB-token login of an account without registry-verified names ({@link #evaluateTriggers}). Never blocks the login:
 * every outcome, "later" included, ends the action.
 */
final class RegistryNamesRequiredAction implements RequiredActionProvider {

    private final RegistryApproval approval;

    RegistryNamesRequiredAction(RegistryApproval approval) {
        this.approval = approval;
    }

    /**
     * A citizen who just logged in with a USB token and whose account has no names at all (registered by phone before
     * the registry was configured) and nothing pending (no retry, no operator's case): the token can approve the fetch
     * right now, so this login asks. Accounts that carry names from a bank or an operator are asked after an
     * operator's refresh (then with the signature offered too), not at every token login. For this login only (an
     * authentication-session action): a citizen who leaves the page is not asked at every later login.
     */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (TokenLoginCertificate.of(context.getAuthenticationSession()).isEmpty() || !RegistryApproval.needed(user)
                || RegistryRefresh.state(user).isPresent() || hasText(user.getFirstName()) || hasText(user.getLastName())) {
            return;
        }
        CitizenRegistry registry = context.getSession().getProvider(CitizenRegistry.class);
        if (registry != null && registry.configured()) {
            context.getAuthenticationSession().addRequiredAction(RegistryRefresh.REQUIRED_ACTION);
        }
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
        if (SameOriginPost.refused(context)) {
            return; // another site's copy of the page: "later" or a code choice would be the attacker's
        }
        if (!RegistryApproval.needed(context.getUser())) {
            context.success();
            return;
        }
        approval.action(new ActionContext(context));
    }

    @Override
    public void close() {
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
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
