package mn.gov.khur.registry.xyp;

import java.time.Clock;

import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.CitizenRegistryFactory;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Provider {@code xyp} of SPI {@code khur-citizen-registry}: ХУР over SOAP (see {@link XypSettings}). */
public final class XypCitizenRegistryFactory implements CitizenRegistryFactory {

    public static final String PROVIDER_ID = "xyp";
    private static final Logger LOG = Logger.getLogger(XypCitizenRegistryFactory.class);

    private XypSettings settings;

    @Override
    public CitizenRegistry create(KeycloakSession session) {
        XypTransport transport = (endpoint, headers, envelope) -> new KeycloakHttpTransport(
                session.getProvider(HttpClientProvider.class).getHttpClient(), settings.connectTimeout(), settings.timeout())
                .post(endpoint, headers, envelope);
        return new XypCitizenRegistry(settings, transport, () -> XypCredentials.fromVault(session, settings), Clock.systemUTC());
    }

    @Override
    public void init(Config.Scope config) {
        settings = XypSettings.from(config::get, System.getenv());
        if (settings.configured()) {
            LOG.infof("State registry (ХУР): %s", settings);
        } else {
            LOG.warn("State registry (ХУР) not configured (KHUR_REGISTRY_CITIZEN_URL): registrations keep no registry names");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
