package mn.gov.khur.registry.approval;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.flow.SameOriginPost;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Step {@code khur-registry-approval}: right after a flow proved who the citizen is and has the account — the
 * account registration by phone just created ({@link RegistryApproval#SUBJECT_NOTE}), or the flow's user (bank
 * registration) — the registry's names, with the citizen's approval. Passes at once when there is no account, no
 * registry configured, or the data is already registry-verified.
 */
final class RegistryApprovalAuthenticator implements FlowStep {

    /** Keycloak's auth note: the first broker login created the account (the bank registered a new citizen). */
    static final String BROKER_REGISTERED_NEW_USER = "BROKER_REGISTERED_NEW_USER";

    private final RegistryApproval approval;

    RegistryApprovalAuthenticator(RegistryApproval approval) {
        this.approval = approval;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = subject(context);
        if (!RegistryApproval.needed(user)) {
            context.success();
            return;
        }
        approval.begin(new StepContext(context, user));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return; // another site's copy of the page: "later" or a code choice would be the attacker's
        }
        UserModel user = subject(context);
        if (!RegistryApproval.needed(user)) {
            context.success();
            return;
        }
        approval.action(new StepContext(context, user));
    }

    /**
     * The account this flow created, or none: the account registration by phone names in its note, or the flow's user
     * when the first bank login registered it (Keycloak's note). A bank identity linked to an existing account is not
     * asked here: that citizen registered before (its retry, if any, runs at login).
     */
    private static UserModel subject(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(RegistryApproval.SUBJECT_NOTE);
        if (id != null) {
            return context.getSession().users().getUserById(context.getRealm(), id);
        }
        boolean registeredByBank = "true".equals(context.getAuthenticationSession().getAuthNote(BROKER_REGISTERED_NEW_USER));
        return registeredByBank ? context.getUser() : null;
    }

    private record StepContext(AuthenticationFlowContext flow, UserModel user) implements ApprovalContext {
        @Override
        public KeycloakSession session() {
            return flow.getSession();
        }

        @Override
        public AuthenticationSessionModel authSession() {
            return flow.getAuthenticationSession();
        }

        @Override
        public LoginFormsProvider form() {
            return flow.form();
        }

        @Override
        public EventBuilder event() {
            return flow.getEvent();
        }

        @Override
        public MultivaluedMap<String, String> formParameters() {
            return flow.getHttpRequest().getDecodedFormParameters();
        }

        @Override
        public void challenge(Response page) {
            flow.challenge(page);
        }

        @Override
        public void done() {
            flow.success();
        }
    }
}
