package mn.gov.khur.selfservice.flow;

import java.util.List;
import java.util.function.Supplier;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Common factory shape of the self-service steps: one stateless authenticator per factory, REQUIRED or DISABLED. */
abstract class SelfServiceAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final Supplier<Authenticator> creator;
    private volatile Authenticator singleton;

    SelfServiceAuthenticatorFactory(String id, String displayType, String helpText, Supplier<Authenticator> creator) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.creator = creator;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        Authenticator current = singleton;
        if (current == null) {
            synchronized (this) {
                if (singleton == null) {
                    singleton = creator.get();
                }
                current = singleton;
            }
        }
        return current;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
