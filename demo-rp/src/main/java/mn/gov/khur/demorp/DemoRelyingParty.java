package mn.gov.khur.demorp;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo relying party: {@code java -jar demo-rp/target/khur-demo-rp.jar}.
 * <p>
 * Environment (defaults in brackets): {@code DEMO_RP_PORT} [8092], {@code DEMO_RP_ISSUER}
 * [http://localhost:8080/realms/khur], {@code DEMO_RP_CLIENT_ID} [demo-rp],
 * {@code DEMO_RP_CLIENT_SECRET} [demo-rp-secret], {@code DEMO_RP_BASE_URL}
 * [http://localhost:&lt;port&gt;], {@code DEMO_RP_PROFILE} [khur-standard; or khur-fapi2: PAR,
 * private_key_jwt, DPoP, client {@code demo-rp-fapi2}], {@code DEMO_RP_KEY_FILE} [demo-rp-signing-key.jwk.json]. ХУР need not be up yet: discovery happens on the first login and
 * is retried until it works. Stops on Ctrl-C / SIGTERM.
 */
public final class DemoRelyingParty {

    private DemoRelyingParty() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One log line per record, before any logger is created.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        }
        DemoRpConfig config;
        DemoRpServer server;
        try {
            config = DemoRpConfig.fromEnvironment(System.getenv());
            server = DemoRpServer.start(config);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Demo relying party could not start: " + e);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("Demo relying party stopped.");
            stopped.countDown();
        }, "demo-rp-shutdown"));

        System.out.println("Demo relying party (Демо үйлчилгээ): " + config.baseUrl() + "/");
        System.out.println("  ХУР issuer " + config.issuer() + ", profile " + config.profile() + ", client_id " + config.clientId()
                + ", redirect_uri " + config.redirectUri() + ", listening on port " + server.port());
        if (config.fapi2()) {
            System.out.println("  public keys for ХУР's operators (JWKS URL): " + config.jwksUri() + " (private key in "
                    + config.keyFile().toAbsolutePath() + ")");
        }
        stopped.await();
    }
}
