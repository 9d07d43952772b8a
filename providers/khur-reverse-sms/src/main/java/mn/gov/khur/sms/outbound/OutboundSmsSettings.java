package mn.gov.khur.sms.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.keycloak.Config;

/**
 * Where Keycloak sends mobile-terminated SMS: the SMPP bridge's {@code POST /mt}. Environment variables win over the
 * provider options of the reverse-SMS step ({@code --spi-authenticator--khur-reverse-sms--<key>}):
 * {@value #URL_ENV} / {@value #URL}, {@value #SECRET_ENV} / {@value #SECRET} (HMAC key, its own, not the inbound one),
 * {@value #TIMEOUT_ENV} / {@value #TIMEOUT_MS} (connect + answer, default 5000 ms),
 * {@value #QUEUE} (waiting sends per node, default 1000). Without URL and secret nothing is sent.
 */
public record OutboundSmsSettings(Optional<URI> endpoint, Optional<byte[]> secret, Duration timeout, int queueCapacity) {

    public static final String URL_ENV = "KHUR_SMS_OUTBOUND_URL";
    public static final String SECRET_ENV = "KHUR_SMS_OUTBOUND_SECRET";
    public static final String TIMEOUT_ENV = "KHUR_SMS_OUTBOUND_TIMEOUT_MS";
    static final String URL = "outbound-url";
    static final String SECRET = "outbound-secret";
    static final String TIMEOUT_MS = "outbound-timeout-ms";
    static final String QUEUE = "outbound-queue";
    /** An HMAC key shorter than this is guessable offline from one signed request. */
    static final int MIN_SECRET_BYTES = 16;

    public static OutboundSmsSettings from(Config.Scope config, UnaryOperator<String> env) {
        Optional<String> url = nonBlank(env.apply(URL_ENV)).or(() -> nonBlank(config.get(URL)));
        Optional<String> secret = nonBlank(env.apply(SECRET_ENV)).or(() -> nonBlank(config.get(SECRET)));
        long timeoutMs = nonBlank(env.apply(TIMEOUT_ENV)).map(OutboundSmsSettings::parseLong)
                .orElseGet(() -> (long) config.getInt(TIMEOUT_MS, 5000));
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            throw new IllegalArgumentException(TIMEOUT_ENV + " must be 100..60000 ms, got " + timeoutMs);
        }
        int queue = config.getInt(QUEUE, 1000);
        if (queue < 1 || queue > 100_000) {
            throw new IllegalArgumentException(QUEUE + " must be 1..100000, got " + queue);
        }
        Optional<URI> endpoint = url.map(OutboundSmsSettings::httpUri);
        Optional<byte[]> key = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
        if (key.isPresent() && key.get().length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(SECRET_ENV + " must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new OutboundSmsSettings(endpoint, key, Duration.ofMillis(timeoutMs), queue);
    }

    /** Both endpoint and secret set: only then is anything sent. */
    public boolean configured() {
        return endpoint.isPresent() && secret.isPresent();
    }

    private static URI httpUri(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL_ENV + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(URL_ENV + " must be an absolute http(s) URL");
        }
        return uri;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_ENV + " must be a number of milliseconds");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "OutboundSmsSettings[" + endpoint.map(URI::toString).orElse("-") + " secret=" + (secret.isPresent() ? "set" : "-")
                + " timeout=" + timeout + " queue=" + queueCapacity + "]";
    }
}
