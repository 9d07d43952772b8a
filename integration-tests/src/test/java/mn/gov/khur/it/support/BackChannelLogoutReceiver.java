package mn.gov.khur.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The back-channel logout endpoint of the second demo site ({@code demo-rp-2}) during the tests:
 * one listener on a free port, started before Keycloak, whose URL Keycloak gets through the realm
 * placeholder {@code KHUR_DEMO_RP2_BACKCHANNEL_LOGOUT_URL}. It keeps every {@code logout_token}
 * Keycloak POSTs (OIDC Back-Channel Logout 1.0 §2.5) for the tests to verify.
 */
public final class BackChannelLogoutReceiver {

    public static final String PATH = "/backchannel-logout";

    private static BackChannelLogoutReceiver instance;

    private final HttpServer server;
    private final LinkedBlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();

    private BackChannelLogoutReceiver(HttpServer server) {
        this.server = server;
    }

    public static synchronized BackChannelLogoutReceiver instance() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                BackChannelLogoutReceiver receiver = new BackChannelLogoutReceiver(server);
                server.createContext(PATH, receiver::handle);
                server.start();
                instance = receiver;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Keycloak's environment: where demo-rp-2's back-channel logout goes. */
    public static Map<String, String> keycloakEnvironment() {
        return Map.of("KHUR_DEMO_RP2_BACKCHANNEL_LOGOUT_URL", instance().url().toString());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Forgets the tokens received so far (each test looks only at what its own logout caused). */
    public void clear() {
        logoutTokens.clear();
    }

    /** The next logout token received, waiting up to {@code timeout}. */
    public Optional<String> next(Duration timeout) {
        try {
            return Optional.ofNullable(logoutTokens.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            String token = formParameter(form, "logout_token");
            boolean accepted = "POST".equals(exchange.getRequestMethod()) && token != null;
            if (accepted) {
                logoutTokens.add(token);
            }
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(accepted ? 200 : 400, -1);
        }
    }

    private static String formParameter(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
