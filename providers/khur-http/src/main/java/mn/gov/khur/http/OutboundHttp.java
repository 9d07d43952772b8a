package mn.gov.khur.http;

import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.http.impl.client.CloseableHttpClient;
import org.jboss.logging.Logger;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.KeycloakApplication;

/**
 * The HTTP client for every call our providers make to an outside party. Inside Keycloak it is Keycloak's own
 * ({@code HttpClientProvider}, option group {@code spi-connections-http-client--default--*}): proxy-mappings,
 * truststore ({@code truststore-paths}), connect and socket timeouts and the connection pool are the server's,
 * as for the banks' token and JWKS calls. Outside a running Keycloak (unit tests of an adapter) it is a plain JDK
 * client with the same behaviour (no redirects, the connect timeout given).
 */
public final class OutboundHttp {

    private static final Logger LOG = Logger.getLogger(OutboundHttp.class);
    private static volatile CloseableHttpClient keycloakClient;

    private OutboundHttp() {
    }

    /**
     * Decided at each call, not when the adapter is built: our factories build their clients while Keycloak is still
     * starting, before the server's HTTP client exists.
     *
     * @param connectTimeout used only outside Keycloak; inside, Keycloak's establish-connection timeout applies
     *                       (a request's own timeout still bounds each exchange)
     */
    public static HttpClient client(Duration connectTimeout) {
        HttpClient outsideKeycloak = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ApacheBackedHttpClient(OutboundHttp::keycloakClient, outsideKeycloak, connectTimeout);
    }

    private static KeycloakSessionFactory runningKeycloak() {
        try {
            return KeycloakApplication.getSessionFactory();
        } catch (LinkageError notInAServer) {
            return null;
        }
    }

    /** Keycloak's client: one per server, built by its HttpClientProvider factory; taken once, used from any thread. */
    /** Null outside a running Keycloak (an adapter's unit test). */
    static CloseableHttpClient keycloakClient() {
        CloseableHttpClient client = keycloakClient;
        if (client == null) {
            synchronized (OutboundHttp.class) {
                if (keycloakClient == null) {
                    KeycloakSessionFactory factory = runningKeycloak();
                    if (factory == null) {
                        return null;
                    }
                    try (KeycloakSession session = factory.create()) {
                        keycloakClient = session.getProvider(HttpClientProvider.class).getHttpClient();
                    }
                    LOG.info("Outbound calls (MSSP, GSign, OCSP/CRL, phone-ownership lookup, SMPP bridge) use Keycloak's "
                            + "HTTP client: its proxy-mappings, truststore and timeouts apply");
                }
                client = keycloakClient;
            }
        }
        return client;
    }
}
