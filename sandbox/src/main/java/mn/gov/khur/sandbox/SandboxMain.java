package mn.gov.khur.sandbox;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.phone.PhonePage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.subscribers.SubscriberLookupService;

/**
 * Runs the SMSC simulator and the sandbox phone page until SIGTERM / Ctrl-C.
 * {@code java -jar sandbox/target/khur-sandbox.jar}; settings in {@link SandboxSettings}.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        configureLogging();
        SandboxSettings settings;
        try {
            settings = SandboxSettings.from(System.getProperties(), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("khur sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        SandboxCitizens citizens = SandboxCitizens.load();
        SmscSimulator smsc = SmscSimulator.start(settings.smsc());
        SubscriberLookupService lookup;
        try {
            lookup = SubscriberLookupService.start(settings.httpHost(), lookupPort(), citizens.all(),
                    System.getenv("SANDBOX_LOOKUP_TOKEN"));
        } catch (IOException | RuntimeException e) {
            smsc.close();
            throw e;
        }
        PhonePage page;
        try {
            // the phone page also edits the lookup's list: a tester registers a new number there
            page = PhonePage.start(settings.httpHost(), settings.httpPort(), smsc, citizens.all(),
                    settings.shortNumber(), lookup.registry());
        } catch (IOException | RuntimeException e) {
            lookup.close();
            smsc.close();
            throw e;
        }
        EsignSandbox esign;
        try {
            esign = EsignSandbox.start(settings.esignPkiDir(), settings.httpHost(), settings.ocspPort(),
                    settings.esignClientPort(), settings.esignPagePort(), settings.esignOrigins(), citizens);
        } catch (IOException | InterruptedException | RuntimeException e) {
            page.close();
            lookup.close();
            smsc.close();
            throw e;
        }
        mn.gov.khur.sandbox.xyp.XypSimulator xyp;
        mn.gov.khur.sandbox.xyp.OrganisationKeys xypKeys;
        try {
            xypKeys = mn.gov.khur.sandbox.xyp.OrganisationKeys.inVault(java.nio.file.Path.of(setting("SANDBOX_XYP_VAULT_DIR",
                    "sandbox.xyp.vault-dir", ".dev-data/vault")), "khur");
            var people = mn.gov.khur.sandbox.xyp.SandboxRegistryPeople.load();
            xyp = mn.gov.khur.sandbox.xyp.XypSimulator.start(settings.httpHost(),
                    Integer.parseInt(setting("SANDBOX_XYP_PORT", "sandbox.xyp.port", Integer.toString(
                            mn.gov.khur.sandbox.xyp.XypSimulator.DEFAULT_PORT))), xypKeys.accessToken(),
                    xypKeys.keyPair().getPublic(), people);
            // the registry's newcomers can register by phone: their phones are in their own names
            people.stream().filter(person -> person.phone() != null)
                    .forEach(person -> lookup.registry().register(person.phone(), person.regnum()));
        } catch (IOException | RuntimeException e) {
            lookup.close();
            esign.close();
            page.close();
            smsc.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            xyp.close();
            lookup.close();
            esign.close();
            page.close();
            smsc.close();
            stopped.countDown();
        }, "sandbox-shutdown"));

        System.out.printf("khur sandbox (never use in production)%n");
        System.out.printf("  SMSC simulator : smpp://%s:%d  system_id=%s (SMPP 3.4, bind RX/TRX)%n",
                settings.smsc().host(), smsc.port(), settings.smsc().systemId());
        System.out.printf("  Sandbox phone  : %s%n", page.uri());
        System.out.printf("  JSON API       : POST %sapi/sms {\"from\",\"to\",\"text\"}%n", page.uri());
        System.out.printf("  Subscriber lookup (phone in own name): POST %s; register a number in a citizen's name: "
                + "form at %s#sandbox-subscribers (or POST %s {\"msisdn\",\"registerNumber\"})%n", lookup.lookupUri(),
                page.uri(), lookup.lookupUri().resolve("/admin/subscribers"));
        System.out.printf("  Sandbox PKI    : %s (trust anchors for KHUR_ESIGN_TRUST_ANCHORS)%n", esign.trustAnchors());
        System.out.printf("  OCSP / CRL     : %s  %s%n", esign.revocation().endpoints().ocspUri(),
                esign.revocation().endpoints().crlUri());
        System.out.printf("  ESIGN client   : ws://127.0.0.1:%d (origins %s); PIN dialog %s (PIN %s)%n",
                esign.client().getPort(), settings.esignOrigins(), esign.page().uri(),
                mn.gov.khur.sandbox.esignclient.SandboxTokens.PIN);
        System.out.printf("  MSSP (SIM sig) : %s  AP_ID %s; the phones (text and verification code shown, "
                + "approve/decline/timeout) at http://127.0.0.1:%d/control%n",
                esign.mssp().baseUri(), EsignSandbox.MSSP_AP_ID, esign.mssp().port());
        System.out.printf("  GSign (cloud)  : %s  the GSign apps (text and verification code shown, "
                + "approve/decline/timeout) at http://127.0.0.1:%d/control%n",
                esign.gsign().baseUri(), esign.gsign().port());
        System.out.printf("  ХУР registry   : %s  %s (codes sent to citizens: %s; organisation key in the vault dir)%n",
                xyp.citizenUri(), xyp.metaUri(), xyp.pageUri());
        if (!settings.isLoopbackOnly()) {
            System.out.printf("  WARNING: listening on %s, not loopback: anyone who reaches it can send SMS as a "
                    + "sandbox citizen%n", settings.httpHost());
        }
        System.out.flush();
        stopped.await();
    }

    /** An environment variable, else a system property, else the default. */
    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** SANDBOX_LOOKUP_PORT (system property sandbox.lookup.port), default 8093. */
    private static int lookupPort() {
        String value = System.getProperty("sandbox.lookup.port", System.getenv("SANDBOX_LOOKUP_PORT"));
        if (value == null || value.isBlank()) {
            return SubscriberLookupService.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SANDBOX_LOOKUP_PORT is not a number: " + value, e);
        }
    }

    /** One line per record unless the caller configured java.util.logging. */
    private static void configureLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s - %5$s%6$s%n");
            LogManager.getLogManager().readConfiguration();
        }
    }
}
