package mn.gov.khur.selfservice.ownership;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and how to ask the subscriber lookup. Each value comes from the Keycloak SPI option
 * ({@code --spi-khur-phone-ownership--http--url} …) or else from the environment:
 * {@code KHUR_PHONE_OWNERSHIP_URL}, {@code KHUR_PHONE_OWNERSHIP_TOKEN} (sent as a bearer token),
 * {@code KHUR_PHONE_OWNERSHIP_TIMEOUT_MS} (default 3000). No URL: every lookup is "unavailable".
 * A realm's operator may override them in the admin console ({@link PhoneOwnershipTab}).
 */
public record PhoneOwnershipSettings(URI endpoint, String token, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    static final String URL_ENV = "KHUR_PHONE_OWNERSHIP_URL";
    static final String TOKEN_ENV = "KHUR_PHONE_OWNERSHIP_TOKEN";
    static final String TIMEOUT_ENV = "KHUR_PHONE_OWNERSHIP_TIMEOUT_MS";

    /** @param option an SPI option by name ("url", "token", "timeout-ms"), null when unset */
    public static PhoneOwnershipSettings from(Function<String, String> option, Map<String, String> env) {
        String url = firstSet(option.apply("url"), env.get(URL_ENV));
        String token = firstSet(option.apply("token"), env.get(TOKEN_ENV));
        String timeout = firstSet(option.apply("timeout-ms"), env.get(TIMEOUT_ENV));
        URI endpoint = null;
        if (url != null) {
            endpoint = URI.create(url);
            if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException("phone-ownership url must be http(s): " + url);
            }
        }
        Duration timeoutDuration = DEFAULT_TIMEOUT;
        if (timeout != null) {
            long millis = Long.parseLong(timeout);
            if (millis < 100 || millis > 60_000) {
                throw new IllegalArgumentException("phone-ownership timeout must be 100..60000 ms: " + timeout);
            }
            timeoutDuration = Duration.ofMillis(millis);
        }
        return new PhoneOwnershipSettings(endpoint, token, timeoutDuration);
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

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
