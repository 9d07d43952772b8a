package mn.gov.khur.sandbox;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.phone.PhonePage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;

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
        PhonePage page;
        try {
            page = PhonePage.start(settings.httpHost(), settings.httpPort(), smsc, citizens.all(),
                    settings.shortNumber());
        } catch (IOException | RuntimeException e) {
            smsc.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            page.close();
            smsc.close();
            stopped.countDown();
        }, "sandbox-shutdown"));

        System.out.printf("khur sandbox (never use in production)%n");
        System.out.printf("  SMSC simulator : smpp://%s:%d  system_id=%s (SMPP 3.4, bind RX/TRX)%n",
                settings.smsc().host(), smsc.port(), settings.smsc().systemId());
        System.out.printf("  Sandbox phone  : %s%n", page.uri());
        System.out.printf("  JSON API       : POST %sapi/sms {\"from\",\"to\",\"text\"}%n", page.uri());
        if (!settings.isLoopbackOnly()) {
            System.out.printf("  WARNING: listening on %s, not loopback: anyone who reaches it can send SMS as a "
                    + "sandbox citizen%n", settings.httpHost());
        }
        System.out.flush();
        stopped.await();
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
