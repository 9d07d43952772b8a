package mn.gov.khur.identity.profiles;

import java.util.List;
import java.util.function.Supplier;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * The one shape of our client-policy executor factories: the id, the console's help text and a fresh executor per
 * session; no settings unless a factory names them, nothing to set up or close.
 */
public abstract class ExecutorFactory implements ClientPolicyExecutorProviderFactory {

    private final String id;
    private final String helpText;
    private final Supplier<? extends ClientPolicyExecutorProvider<?>> executor;

    protected ExecutorFactory(String id, String helpText, Supplier<? extends ClientPolicyExecutorProvider<?>> executor) {
        this.id = id;
        this.helpText = helpText;
        this.executor = executor;
    }

    @Override
    public final ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return executor.get();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getHelpText() {
        return helpText;
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
