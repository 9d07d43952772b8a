package mn.gov.khur.entry;

import mn.gov.khur.esign.flow.ChosenMethod;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** True when the citizen picked the configured method on the choice page. */
public final class EsignMethodChosenCondition implements ConditionalAuthenticator {

    static final String METHOD = "khur.esign.method";

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        var config = context.getAuthenticatorConfig();
        String wanted = config == null || config.getConfig() == null ? null : config.getConfig().get(METHOD);
        return ChosenMethod.read(context.getAuthenticationSession()).map(m -> m.code().equals(wanted)).orElse(false);
    }

    @Override public void action(AuthenticationFlowContext context) { }
    @Override public boolean requiresUser() { return false; }
    @Override public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) { }
    @Override public void close() { }
}
