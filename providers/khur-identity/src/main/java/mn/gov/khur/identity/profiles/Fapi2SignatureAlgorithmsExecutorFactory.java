package mn.gov.khur.identity.profiles;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link Fapi2SignatureAlgorithmsExecutor} as client-policy executor {@value #PROVIDER_ID}. */
public final class Fapi2SignatureAlgorithmsExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "khur-fapi2-signature-algorithms";

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new Fapi2SignatureAlgorithmsExecutor();
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
        return "When a client is saved: ID and access tokens signed with PS256 unless chosen; any signature algorithm the "
                + "client names must be PS256/384/512 or ES256/384/512 (FAPI 2.0). Userinfo stays plain JSON unless the "
                + "client asks for a signature. "
                + "Клиентийг хадгалахад: ID болон access токен PS256-аар гарын үсэг зурна; клиентийн бусад алгоритм нь "
                + "PS256/ES256 төрлийн байх ёстой (FAPI 2.0).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
