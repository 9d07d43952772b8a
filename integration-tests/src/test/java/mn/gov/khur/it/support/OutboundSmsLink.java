package mn.gov.khur.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Where the test Keycloak sends login notices: the SMPP bridge's {@code POST /mt} on a port chosen once per test
 * JVM. Only the tests that start a bridge on {@link #port()} receive them; for all others the send fails
 * (connection refused), which the login must not notice.
 */
public final class OutboundSmsLink {

    public static final String SECRET = "it-sms-outbound-secret-0123456789";
    private static int port;

    private OutboundSmsLink() {
    }

    public static synchronized int port() {
        if (port == 0) {
            try {
                port = SmsGatewayProcess.freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return port;
    }

    public static Map<String, String> keycloakEnvironment() {
        return Map.of("KHUR_SMS_OUTBOUND_URL", "http://127.0.0.1:" + port() + "/mt",
                "KHUR_SMS_OUTBOUND_SECRET", SECRET,
                "KHUR_SMS_OUTBOUND_TIMEOUT_MS", "5000");
    }
}
