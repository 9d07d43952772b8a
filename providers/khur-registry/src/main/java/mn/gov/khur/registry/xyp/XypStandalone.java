package mn.gov.khur.registry.xyp;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.Optional;

import mn.gov.khur.registry.CitizenRegistry;

import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The adapter outside Keycloak, with credentials given directly: for tests that run it against the sandbox
 * registry over the real wire. Keycloak itself uses {@link XypCitizenRegistryFactory} (vault, outgoing HTTP client).
 */
public final class XypStandalone {

    private XypStandalone() {
    }

    public static CitizenRegistry connect(XypSettings settings, CloseableHttpClient http, String accessToken, PrivateKey key) {
        KeycloakHttpTransport transport = new KeycloakHttpTransport(http, settings.connectTimeout(), settings.timeout());
        return new XypCitizenRegistry(settings, transport, () -> Optional.of(new XypCredentials(accessToken, key)),
                Clock.systemUTC());
    }
}
