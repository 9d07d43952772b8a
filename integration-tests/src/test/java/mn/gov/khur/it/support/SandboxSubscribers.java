package mn.gov.khur.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.subscribers.SubscriberLookupService;

/**
 * The sandbox subscriber lookup ("phone registered in your own name") for the test run: one instance on
 * a free port, started before Keycloak, whose HTTP adapter is pointed at it. Tests register their
 * made-up citizens' phones here and can simulate an outage.
 */
public final class SandboxSubscribers {

    private static SubscriberLookupService service;

    private SandboxSubscribers() {
    }

    public static synchronized SubscriberLookupService service() {
        if (service == null) {
            try {
                service = SubscriberLookupService.start("127.0.0.1", 0, SandboxCitizens.load().all(), "it-lookup-token");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return service;
    }

    /** Keycloak's environment for the self-service flows in tests (see the README, "Self-service"). */
    public static Map<String, String> keycloakEnvironment() {
        return Map.of(
                "KHUR_PHONE_OWNERSHIP_URL", service().lookupUri().toString(),
                "KHUR_PHONE_OWNERSHIP_TOKEN", "it-lookup-token",
                "KHUR_PHONE_OWNERSHIP_TIMEOUT_MS", "5000", // roomy: a loaded 2-core CI machine, first call cold
                // test seam: honoured only because the tests run kc.sh start-dev
                "KHUR_CAPTCHA_TEST_MODE", "true",
                // all tests come from 127.0.0.1
                "KHUR_SELFSERVICE_POSTS_PER_MINUTE", "10000");
    }

    /** The phone is registered, at the operators, to this citizen. */
    public static void registerOwner(String phoneE164, String registerNumber) {
        service().registry().register(phoneE164, registerNumber);
    }
}
