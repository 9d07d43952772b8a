package mn.gov.khur.selfservice.flow;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;

/** The realm's password policy, with Keycloak's own (Mongolian and English) policy messages on field {@code password-new}. */
final class Passwords {

    static final String NEW = "password-new";
    static final String CONFIRM = "password-confirm";

    private Passwords() {
    }

    /** Null when acceptable, else the message to show. */
    static FormMessage problem(AuthenticationFlowContext context, String username, String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            return new FormMessage(NEW, "missingPasswordMessage");
        }
        if (!password.equals(confirmation)) {
            return new FormMessage(CONFIRM, "invalidPasswordConfirmMessage");
        }
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class).validate(username, password);
        return error == null ? null : new FormMessage(NEW, error.getMessage(), error.getParameters());
    }
}
