package mn.gov.khur.identity.profiles;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link ExactRedirectUrisExecutor} as client-policy executor {@value #PROVIDER_ID}. */
public final class ExactRedirectUrisExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "khur-exact-redirect-uris";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ExactRedirectUrisExecutor();
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses to save a client whose redirect or post-logout redirect URIs contain a wildcard (*). "
                + "Redirect болон logout-ын дараах redirect URI-д од (*) байвал клиентийг хадгалахгүй.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
