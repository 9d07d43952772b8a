package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.identity.flow.PhoneChangeEntry;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/** {@code khur-condition-phone-change}: matches when this tab followed the login page's "Утасны дугаар солих" link. */
public final class PhoneChangeCondition implements ConditionalAuthenticator {

    private static final PhoneChangeCondition SINGLETON = new PhoneChangeCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return PhoneChangeEntry.started(context.getAuthenticationSession());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }

    /** Registers the condition. */
    public static final class Factory implements ConditionalAuthenticatorFactory {

        public static final String PROVIDER_ID = "khur-condition-phone-change";

        @Override public String getId() { return PROVIDER_ID; }
        @Override public ConditionalAuthenticator getSingleton() { return SINGLETON; }
        @Override public String getDisplayType() { return "Condition - ХУР phone change requested"; }
        @Override public String getReferenceCategory() { return null; }
        @Override public boolean isConfigurable() { return false; }
        @Override public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
            return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                    AuthenticationExecutionModel.Requirement.DISABLED};
        }
        @Override public boolean isUserSetupAllowed() { return false; }
        @Override public String getHelpText() {
            return "Matches when the citizen followed \"Утасны дугаар солих\" on the login page.";
        }
        @Override public List<ProviderConfigProperty> getConfigProperties() { return List.of(); }
        @Override public void init(Config.Scope config) { }
        @Override public void postInit(KeycloakSessionFactory factory) { }
        @Override public void close() { }
    }
}
