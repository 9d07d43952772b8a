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
                .getOrComputeIfAbsent(KeycloakServer.class, key -> withSandboxBanks(KeycloakServer.start(Map.of())), KeycloakServer.class);
    }

    /** The sandbox banks (realms sandbox-bank-*) are created through the admin API, as bin/dev does. */
    private static KeycloakServer withSandboxBanks(KeycloakServer started) {
        try {
            mn.gov.khur.sandbox.banks.SeedSandboxBanks.seed(KeycloakServer.BASE_URL, "admin", "admin",
                    java.nio.file.Path.of(KeycloakServer.requiredProperty("khur.sandbox.realms")));
            return started;
        } catch (java.io.IOException e) {
            started.close();
            throw new IllegalStateException("Could not seed the sandbox banks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.close();
            throw new IllegalStateException(e);
        }
    }

    public static KeycloakServer server() {
        if (server == null) {
            throw new IllegalStateException("KhurServerExtension not active");
        }
        return server;
    }
}
