package mn.gov.khur.esign.flow;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers "Condition - ХУР signature method chosen". */
public final class EsignMethodChosenConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-condition-esign-method";
    private static final EsignMethodChosenCondition SINGLETON = new EsignMethodChosenCondition();

    @Override public String getId() { return PROVIDER_ID; }
    @Override public ConditionalAuthenticator getSingleton() { return SINGLETON; }
    @Override public String getDisplayType() { return "Condition - ХУР signature method chosen"; }
    @Override public String getReferenceCategory() { return null; }
    @Override public boolean isConfigurable() { return true; }
    @Override public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }
    @Override public boolean isUserSetupAllowed() { return false; }
    @Override public String getHelpText() {
        return "Matches when the citizen chose this method on the signature-method page. Иргэн энэ аргыг сонгосон бол биелнэ.";
    }
    @Override public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create().property().name(EsignMethodChosenCondition.METHOD)
                .type(ProviderConfigProperty.LIST_TYPE).options("token", "sim", "cloud")
                .label("Method / Арга").helpText("token, sim or cloud. Токен, сим эсвэл клауд.").defaultValue("token").add().build();
    }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
