package mn.gov.khur.selfservice.ownership;

import java.net.http.HttpClient;
import java.time.Clock;

import mn.gov.khur.identity.settings.RealmSettingsTabs;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Provider {@code http} of SPI {@value PhoneOwnershipSpi#NAME}: one shared JDK HTTP client. */
public final class HttpPhoneOwnershipLookupFactory implements PhoneOwnershipLookupFactory {

    public static final String PROVIDER_ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpPhoneOwnershipLookupFactory.class);

    private RealmPhoneOwnershipSettings realmSettings;
    private HttpClient http;

    @Override
    public PhoneOwnershipLookup create(KeycloakSession session) {
        PhoneOwnershipSettings settings = realmSettings.forRealm(session.getContext().getRealm(),
                stored -> RealmSettingsTabs.resolveSecret(session, stored));
        return new HttpPhoneOwnershipLookup(settings, http);
    }

    @Override
    public void init(Config.Scope config) {
        PhoneOwnershipSettings settings = PhoneOwnershipSettings.from(config::get, System.getenv());
        // a realm's admin-console tab overrides these per realm; the connect timeout stays the server's
        realmSettings = new RealmPhoneOwnershipSettings(settings, Clock.systemUTC());
        http = mn.gov.khur.http.OutboundHttp.client(settings.timeout()); // Keycloak's proxy-mappings, truststore, timeouts
        if (settings.configured()) {
            LOG.infof("Phone-ownership lookup: %s", settings);
        } else {
            LOG.warn("Phone-ownership lookup not configured (KHUR_PHONE_OWNERSHIP_URL): registration and phone change "
                    + "will answer \"try again later\" unless a realm sets it in the admin console");
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
