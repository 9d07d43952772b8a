package mn.gov.khur.it.support;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Keycloak for the whole test run (root store: closed when the run ends), so each
 * test class pays nothing for the server after the first.
 */
public final class KhurServerExtension implements BeforeAllCallback {

    private static volatile KeycloakServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakServer.class, key -> KeycloakServer.start(Map.of()), KeycloakServer.class);
    }

    public static KeycloakServer server() {
        if (server == null) {
            throw new IllegalStateException("KhurServerExtension not active");
        }
        return server;
    }
}
