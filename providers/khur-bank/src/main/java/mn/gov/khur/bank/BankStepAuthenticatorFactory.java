package mn.gov.khur.bank;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the two bank flow steps share: a stateless singleton, always REQUIRED, nothing to
 * configure. Category {@code bank}: these steps judge the bank's assertion, not a secret the
 * citizen typed, so there is nothing for the brute-force protector to count.
 */
abstract class BankStepAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final Authenticator authenticator;
    private final String displayType;
    private final String helpText;

    BankStepAuthenticatorFactory(String id, Authenticator authenticator, String displayType, String helpText) {
        this.id = id;
        this.authenticator = authenticator;
        this.displayType = displayType;
        this.helpText = helpText;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return "bank";
    }

    @Override
    public final boolean isConfigurable() {
        return false;
    }

    @Override
    public final AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
