package mn.gov.khur.registry.approval;

import java.util.List;

import mn.gov.khur.registry.retry.RetrySettings;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** {@code khur-registry-approval}: the registry's names with the citizen's approval, in registration flows. */
public final class RegistryApprovalAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-registry-approval";

    private Authenticator authenticator;

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
        authenticator = new RegistryApprovalAuthenticator(new RegistryApproval(RetrySettings.fromEnvironment()));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ХУР state registry: names with the citizen's approval";
    }

    @Override
    public String getHelpText() {
        return "After the account exists (registration by phone or bank): the state registry sends the citizen a one-time "
                + "code, the citizen types it, the names, birth date and gender are fetched. Never blocks: an unavailable "
                + "registry or \"later\" leaves a retry on the account.";
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
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
