package mn.gov.khur.identity.grants;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link RejectGrantsWithoutBrowserLogin} as client-policy executor {@value #PROVIDER_ID}. */
public final class RejectGrantsWithoutBrowserLoginFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "khur-reject-grants-without-browser-login";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new RejectGrantsWithoutBrowserLogin();
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
        return "Refuses the device grant, CIBA and the JWT authorization grant, and switches them off when a client is "
                + "saved: they would give a citizen's tokens without the login pages' steps. "
                + "Төхөөрөмжийн (device), CIBA болон JWT authorization grant-ыг хориглоно: эдгээр нь иргэний токеныг "
                + "нэвтрэх хуудсын алхмуудгүйгээр олгох байсан.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
