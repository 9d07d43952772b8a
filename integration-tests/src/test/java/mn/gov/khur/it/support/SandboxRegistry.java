package mn.gov.khur.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import mn.gov.khur.sandbox.xyp.OrganisationKeys;
import mn.gov.khur.sandbox.xyp.RegistryPerson;
import mn.gov.khur.sandbox.xyp.XypSimulator;

/**
 * The sandbox ХУР (state registry) for the test run: one simulator on a free port, started before Keycloak, knowing
 * nobody until a test registers its made-up citizens (so everyone else's registration meets "not found", as before
 * the registry existed). The organisation's key and access token are generated here and go into Keycloak's file
 * vault; the simulator checks the public key. The retry task runs every few seconds with a short back-off.
 */
public final class SandboxRegistry {

    private static OrganisationKeys organisation;
    private static XypSimulator simulator;

    private SandboxRegistry() {
    }

    public static synchronized XypSimulator simulator() {
        if (simulator == null) {
            try {
                simulator = XypSimulator.start("127.0.0.1", 0, organisation().accessToken(), organisation().keyPair().getPublic(),
                        List.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return simulator;
    }

    public static synchronized OrganisationKeys organisation() {
        if (organisation == null) {
            organisation = OrganisationKeys.generate();
        }
        return organisation;
    }

    /** The registry knows this person (answers with their ID-card data once they approve). */
    public static void register(RegistryPerson person) {
        simulator().register(person);
    }

    /** Vault entries (realm khur) with the organisation's signing key and access token. */
    public static Map<String, String> vaultEntries() {
        return organisation().vaultEntries();
    }

    /** Keycloak's environment for the registry adapter and its retry. */
    public static Map<String, String> keycloakEnvironment() {
        return Map.of(
                "KHUR_REGISTRY_CITIZEN_URL", simulator().citizenUri().toString(),
                "KHUR_REGISTRY_META_URL", simulator().metaUri().toString(),
                "KHUR_REGISTRY_TIMEOUT_MS", "15000", // roomy: a loaded 2-core CI machine
                "KHUR_REGISTRY_RETRY_INITIAL_SECONDS", "1",
                "KHUR_REGISTRY_RETRY_MAX_SECONDS", "2",
                "KHUR_REGISTRY_RETRY_MAX_ATTEMPTS", "100",
                "KHUR_REGISTRY_RETRY_INTERVAL_SECONDS", "3");
    }
}
