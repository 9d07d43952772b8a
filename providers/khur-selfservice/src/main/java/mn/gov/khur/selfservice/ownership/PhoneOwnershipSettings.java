package mn.gov.khur.selfservice.ownership;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

/**
 * Where and how to ask the subscriber lookup. Each value comes from the environment or else from the Keycloak SPI
 * option ({@code --spi-khur-phone-ownership--http--url} …):
 * {@code KHUR_PHONE_OWNERSHIP_URL}, {@code KHUR_PHONE_OWNERSHIP_TOKEN} (sent as a bearer token),
 * {@code KHUR_PHONE_OWNERSHIP_TIMEOUT_MS} (default 3000). No URL: every lookup is "unavailable".
 * A realm's operator may override them in the admin console ({@link PhoneOwnershipTab}).
 */
public record PhoneOwnershipSettings(URI endpoint, String token, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    static final String URL_ENV = "KHUR_PHONE_OWNERSHIP_URL";
    static final String TOKEN_ENV = "KHUR_PHONE_OWNERSHIP_TOKEN";
    static final String TIMEOUT_ENV = "KHUR_PHONE_OWNERSHIP_TIMEOUT_MS";

    /**
     * The server's settings, read by the kit's rule ({@link ServerSettings}: environment variable, then SPI option,
     * then default; an unusable value refused at start-up with its name).
     *
     * @param option an SPI option by name ("url", "token", "timeout-ms"), null when unset
     */
    public static PhoneOwnershipSettings from(Function<String, String> option, Map<String, String> env) {
        ServerSettings server = new ServerSettings(option, env::get);
        URI endpoint = server.httpUrl(new Setting(URL_ENV, "url")).orElse(null);
        String token = server.text(new Setting(TOKEN_ENV, "token")).orElse(null);
        int timeoutMs = server.wholeNumber(new Setting(TIMEOUT_ENV, "timeout-ms"), (int) DEFAULT_TIMEOUT.toMillis(), 100, 60_000);
        return new PhoneOwnershipSettings(endpoint, token, Duration.ofMillis(timeoutMs));
    }

    /**
     * These (server) settings with what an operator saved for a realm on top. A realm token the vault
     * cannot resolve leaves no endpoint: lookups are then "unavailable", never sent without the token.
     *
     * @param resolveToken a stored token (vault reference or literal) to its value, empty when unresolvable
     */
    public PhoneOwnershipSettings withRealmSettings(PhoneOwnershipRealmSettings realm, Function<String, Optional<String>> resolveToken) {
        URI realmEndpoint = realm.endpoint().orElse(endpoint);
        String realmToken = token;
        if (realm.token().isPresent()) {
            Optional<String> resolved = resolveToken.apply(realm.token().get());
            realmToken = resolved.orElse(null);
            if (resolved.isEmpty()) {
                realmEndpoint = null;
            }
        }
        Duration realmTimeout = realm.timeoutMillis().isPresent() ? Duration.ofMillis(realm.timeoutMillis().getAsInt()) : timeout;
        return new PhoneOwnershipSettings(realmEndpoint, realmToken, realmTimeout);
    }

    public boolean configured() {
        return endpoint != null;
    }

    @Override
    public String toString() {
        return "PhoneOwnershipSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***")
                + ", timeout=" + timeout + "]";
    }
}
