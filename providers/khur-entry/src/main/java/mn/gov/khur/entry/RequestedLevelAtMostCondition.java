package mn.gov.khur.entry;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * True when the client requested at most the configured level (or none). Keycloak's own LoA
 * condition runs every level up to the requested one (step-up: password+SMS, then signature);
 * contracts §1 says a request for "high" offers only signature methods, so the level-1 subflow
 * also carries this condition with maximum 1 and a "high" request skips it.
 */
public final class RequestedLevelAtMostCondition implements ConditionalAuthenticator {

    static final String MAX_LEVEL = "khur.loa.maxRequestedLevel";

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        var config = context.getAuthenticatorConfig();
        int max;
        try {
            max = Integer.parseInt(config == null || config.getConfig() == null ? "1"
                    : config.getConfig().getOrDefault(MAX_LEVEL, "1").strip());
        } catch (NumberFormatException e) {
            max = 1;
        }
        int requested = new AcrStore(context.getSession(), context.getAuthenticationSession())
                .getRequestedLevelOfAuthentication(context.getTopLevelFlow());
        return requested <= max;
    }

    @Override public void action(AuthenticationFlowContext context) { }
    @Override public boolean requiresUser() { return false; }
    @Override public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) { }
    @Override public void close() { }
}
