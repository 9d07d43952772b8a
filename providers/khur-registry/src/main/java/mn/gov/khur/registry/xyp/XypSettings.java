package mn.gov.khur.registry.xyp;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

/**
 * Where and how to call ХУР. Each value comes from the environment variable or else from the SPI option beside it
 * ({@code --spi-khur-citizen-registry--xyp--<name>}), the kit's rule ({@link ServerSettings}):
 * <ul>
 *   <li>{@code citizen-url} / {@code KHUR_REGISTRY_CITIZEN_URL}: the citizen service, e.g.
 *       {@code https://xyp.gov.mn/citizen-1.5.0/ws}; unset = the registry is not used;</li>
 *   <li>{@code meta-url} / {@code KHUR_REGISTRY_META_URL}: the meta service (one-time codes, probe);</li>
 *   <li>{@code access-token} / {@code KHUR_REGISTRY_ACCESS_TOKEN}: the organisation's access token, a vault
 *       reference (default {@code ${vault.khur-xyp-access-token}}) or the token itself;</li>
 *   <li>{@code signing-key} / {@code KHUR_REGISTRY_SIGNING_KEY}: vault reference of the organisation's RSA key
 *       (PKCS#8 PEM) that signs {@code accessToken.timestamp}; default {@code ${vault.khur-xyp-signing-key}};
 *       only a vault reference is accepted, never the key itself;</li>
 *   <li>{@code connect-timeout-ms} (3000) and {@code timeout-ms} (10000), 100..60000;</li>
 *   <li>{@code not-found-codes} (default {@code 100}) and {@code consent-refused-codes} (default {@code 401}): the
 *       registry's result codes for "no such person" and "approval not accepted". ХУР's public material documents
 *       only {@code 0} (success); set these from the registry's contract. Any other non-zero code is "unavailable".</li>
 * </ul>
 */
public record XypSettings(URI citizenUrl, URI metaUrl, String accessToken, String signingKey, Duration connectTimeout,
                          Duration timeout, Set<Integer> notFoundCodes, Set<Integer> consentRefusedCodes) {

    static final String DEFAULT_ACCESS_TOKEN = "${vault.khur-xyp-access-token}";
    static final String DEFAULT_SIGNING_KEY = "${vault.khur-xyp-signing-key}";

    public static XypSettings from(Function<String, String> option, Map<String, String> env) {
        URI citizen = url(value(option, env, "citizen-url", "KHUR_REGISTRY_CITIZEN_URL"));
        URI meta = url(value(option, env, "meta-url", "KHUR_REGISTRY_META_URL"));
        if (citizen != null && meta == null) {
            throw new IllegalArgumentException("registry meta-url (KHUR_REGISTRY_META_URL) is needed with citizen-url");
        }
        String token = orDefault(value(option, env, "access-token", "KHUR_REGISTRY_ACCESS_TOKEN"), DEFAULT_ACCESS_TOKEN);
        String key = orDefault(value(option, env, "signing-key", "KHUR_REGISTRY_SIGNING_KEY"), DEFAULT_SIGNING_KEY);
        if (!isVaultReference(key)) {
            throw new IllegalArgumentException("registry signing-key must be a vault reference ${vault.<key>}, never the key");
        }
        return new XypSettings(citizen, meta, token, key,
                millis(option, env, "connect-timeout-ms", "KHUR_REGISTRY_CONNECT_TIMEOUT_MS", 3000),
                millis(option, env, "timeout-ms", "KHUR_REGISTRY_TIMEOUT_MS", 10_000),
                codes(value(option, env, "not-found-codes", "KHUR_REGISTRY_NOT_FOUND_CODES"), "100"),
                codes(value(option, env, "consent-refused-codes", "KHUR_REGISTRY_CONSENT_REFUSED_CODES"), "401"));
    }

    public boolean configured() {
        return citizenUrl != null;
    }

    static boolean isVaultReference(String value) {
        return value != null && value.startsWith("${vault.") && value.endsWith("}") && value.length() > 9;
    }

    private static String value(Function<String, String> option, Map<String, String> env, String name, String envName) {
        return new ServerSettings(option, env::get).text(new Setting(envName, name)).orElse(null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static URI url(String value) {
        if (value == null) {
            return null;
        }
        URI uri = URI.create(value);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("registry url must be http(s): " + value);
        }
        return uri;
    }

    private static Duration millis(Function<String, String> option, Map<String, String> env, String name, String envName,
                                   int fallback) {
        return Duration.ofMillis(new ServerSettings(option, env::get).wholeNumber(new Setting(envName, name), fallback, 100, 60_000));
    }

    private static Set<Integer> codes(String value, String fallback) {
        String list = value == null ? fallback : value;
        Set<Integer> codes = Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        if (codes.contains(0)) {
            throw new IllegalArgumentException("result code 0 is success, never a refusal: " + list);
        }
        return codes;
    }

    @Override
    public String toString() {
        return "XypSettings[citizen=" + citizenUrl + ", meta=" + metaUrl + ", accessToken="
                + (isVaultReference(accessToken) ? accessToken : "***") + ", signingKey=" + signingKey + ", connectTimeout="
                + connectTimeout + ", timeout=" + timeout + ", notFound=" + notFoundCodes + ", consentRefused="
                + consentRefusedCodes + "]";
    }
}
