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
    private static volatile mn.gov.khur.sandbox.mssp.MsspSimulator mssp;
    /** AP credentials the IT Keycloak uses at the sandbox MSSP. */
    public static final String MSSP_AP_ID = "khur-it";
    public static final String MSSP_AP_PASSWORD = "it-mssp-secret";
    private static volatile mn.gov.khur.sandbox.gsign.GSignSimulator gsign;
    public static final String GSIGN_RP_UUID = "11111111-2222-4333-8444-555555555555";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        // the sandbox CA exists before Keycloak starts: Keycloak reads its trust-anchor file
        esignPki = store.getOrComputeIfAbsent(SandboxPki.class, key -> SandboxPki.generate(), SandboxPki.class);
        // the sandbox MSSP (SIM signature) on a free port, known to Keycloak through its realm placeholder
        mssp = store.getOrComputeIfAbsent(mn.gov.khur.sandbox.mssp.MsspSimulator.class, key -> startMssp(),
                mn.gov.khur.sandbox.mssp.MsspSimulator.class);
        gsign = store.getOrComputeIfAbsent(mn.gov.khur.sandbox.gsign.GSignSimulator.class, key -> startGSign(),
                mn.gov.khur.sandbox.gsign.GSignSimulator.class);
        server = store.getOrComputeIfAbsent(KeycloakServer.class,
                key -> withSandboxBanks(KeycloakServer.start(esignEnvironment(esignPki))), KeycloakServer.class);
    }

    /** Digital-signature settings (realm placeholders): the sandbox trust anchors, short timeouts for tests. */
    private static Map<String, String> esignEnvironment(SandboxPki pki) {
        java.nio.file.Path anchors = pki.writeTo(
                java.nio.file.Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("pki"));
        return Map.ofEntries(
                Map.entry("KHUR_ESIGN_SIM_MSSP_URL", mssp.baseUri().toString()),
                Map.entry("KHUR_ESIGN_SIM_AP_ID", MSSP_AP_ID),
                Map.entry("KHUR_ESIGN_SIM_AP_PASSWORD", MSSP_AP_PASSWORD),
                Map.entry("KHUR_ESIGN_SIM_SIGNING_TIMEOUT_SECONDS", "20"),
                Map.entry("KHUR_ESIGN_SIM_POLL_SECONDS", "1"),
                Map.entry("KHUR_ESIGN_CLOUD_URL", gsign.baseUri().toString()),
                Map.entry("KHUR_ESIGN_CLOUD_RP_UUID", GSIGN_RP_UUID),
                Map.entry("KHUR_ESIGN_CLOUD_SIGNING_TIMEOUT_SECONDS", "20"),
                Map.entry("KHUR_ESIGN_CLOUD_POLL_SECONDS", "1"),
                Map.entry("KHUR_ESIGN_TRUST_ANCHORS", anchors.toAbsolutePath().toString()),
                Map.entry("KHUR_ESIGN_CLIENT_TIMEOUT_SECONDS", "8"),
                // all tests come from 127.0.0.1: the per-address push limit at its maximum (PushBombingIT lowers it
                // for its own loopback address)
                Map.entry("KHUR_ESIGN_PUSH_ADDRESS_LIMIT", "1000"),
                // roomy outbound timeouts: a loaded 2-core CI machine makes first calls slow; no test relies on them
                Map.entry("KHUR_ESIGN_SIM_HTTP_TIMEOUT_SECONDS", "30"),
                Map.entry("KHUR_ESIGN_CLOUD_HTTP_TIMEOUT_SECONDS", "30"),
                Map.entry("KHUR_ESIGN_OCSP_TIMEOUT_SECONDS", "10"));
    }

    private static mn.gov.khur.sandbox.mssp.MsspSimulator startMssp() {
        try {
            return mn.gov.khur.sandbox.mssp.MsspSimulator.start("127.0.0.1", 0, MSSP_AP_ID, MSSP_AP_PASSWORD);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the sandbox MSSP", e);
        }
    }

    private static mn.gov.khur.sandbox.gsign.GSignSimulator startGSign() {
        try {
            return mn.gov.khur.sandbox.gsign.GSignSimulator.start("127.0.0.1", 0, GSIGN_RP_UUID);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the sandbox GSign", e);
        }
    }

    /** The sandbox GSign Keycloak's cloud-signature step talks to (register test citizens' accounts here). */
    public static mn.gov.khur.sandbox.gsign.GSignSimulator gsign() {
        if (gsign == null) {
            throw new IllegalStateException("KhurServerExtension not active");
        }
        return gsign;
    }

    /** The sandbox MSSP Keycloak's SIM-signature step talks to (register test citizens' SIMs here). */
    public static mn.gov.khur.sandbox.mssp.MsspSimulator mssp() {
        if (mssp == null) {
            throw new IllegalStateException("KhurServerExtension not active");
        }
        return mssp;
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
