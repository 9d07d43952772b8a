package mn.gov.khur.esign.flow;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers "Condition - ХУР requested level at most". */
public final class RequestedLevelAtMostConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-condition-requested-loa-at-most";
    private static final RequestedLevelAtMostCondition SINGLETON = new RequestedLevelAtMostCondition();

    @Override public String getId() { return PROVIDER_ID; }
    @Override public ConditionalAuthenticator getSingleton() { return SINGLETON; }
    @Override public String getDisplayType() { return "Condition - ХУР requested level at most"; }
    @Override public String getReferenceCategory() { return null; }
    @Override public boolean isConfigurable() { return true; }
    @Override public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }
    @Override public boolean isUserSetupAllowed() { return false; }
    @Override public String getHelpText() {
        return "Matches when the client requested no level or at most this level (acr.loa.map), so a request for a higher "
                + "level skips this subflow. Хүссэн түвшин энэ түвшнээс ихгүй бол биелнэ.";
    }
    @Override public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create().property().name(RequestedLevelAtMostCondition.MAX_LEVEL)
                .type(ProviderConfigProperty.INTEGER_TYPE).label("Maximum requested level / Хүссэн дээд түвшин")
                .helpText("e.g. 1 (substantial). Жишээ нь 1 (substantial).").defaultValue("1").add().build();
    }
    @Override public void init(Config.Scope config) { }
    @Override public void postInit(KeycloakSessionFactory factory) { }
    @Override public void close() { }
}
