package mn.gov.khur.entry;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The common shape of our flow conditions: one stateless condition, configured per execution, REQUIRED or DISABLED. */
abstract class ConfiguredConditionFactory implements ConditionalAuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final ConditionalAuthenticator condition;
    private final List<ProviderConfigProperty> properties;

    ConfiguredConditionFactory(String id, String displayType, String helpText, ConditionalAuthenticator condition,
                               List<ProviderConfigProperty> properties) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.condition = condition;
        this.properties = properties;
    }

    @Override public String getId() { return id; }
    @Override public ConditionalAuthenticator getSingleton() { return condition; }
    @Override public String getDisplayType() { return displayType; }
    @Override public String getHelpText() { return helpText; }
    @Override public List<ProviderConfigProperty> getConfigProperties() { return properties; }
    @Override public String getReferenceCategory() { return null; }
    @Override public boolean isConfigurable() { return true; }
    @Override public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }
    @Override public boolean isUserSetupAllowed() { return false; }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
