package mn.gov.khur.it.support;

import java.util.Map;

import mn.gov.khur.sandbox.pki.SandboxPki;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Keycloak for the whole test run (root store: closed when the run ends), so each
 * test class pays nothing for the server after the first.
 */
public final class KhurServerExtension implements BeforeAllCallback {

    private static volatile KeycloakServer server;
    private static volatile SandboxPki esignPki;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        // the sandbox CA exists before Keycloak starts: Keycloak reads its trust-anchor file
        esignPki = store.getOrComputeIfAbsent(SandboxPki.class, key -> SandboxPki.generate(), SandboxPki.class);
        server = store.getOrComputeIfAbsent(KeycloakServer.class,
                key -> withSandboxBanks(KeycloakServer.start(esignEnvironment(esignPki))), KeycloakServer.class);
    }

    /** Digital-signature settings (realm placeholders): the sandbox trust anchors, short timeouts for tests. */
    private static Map<String, String> esignEnvironment(SandboxPki pki) {
        java.nio.file.Path anchors = pki.writeTo(
                java.nio.file.Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("pki"));
        return Map.of(
                "KHUR_ESIGN_TRUST_ANCHORS", anchors.toAbsolutePath().toString(),
                "KHUR_ESIGN_CLIENT_TIMEOUT_SECONDS", "8",
                "KHUR_ESIGN_OCSP_TIMEOUT_SECONDS", "2");
    }

    /** The sandbox PKI whose CAs the running Keycloak trusts (issue citizens' certificates from it). */
    public static SandboxPki esignPki() {
        if (esignPki == null) {
            throw new IllegalStateException("KhurServerExtension not active");
        }
        return esignPki;
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
