package mn.gov.khur.sms.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

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

    /**
     * The server's settings, read by the kit's rule ({@link ServerSettings}: environment variable, then SPI option,
     * then default; an unusable value refused at start-up with its name).
     *
     * @param devMode whether Keycloak runs in dev mode: a secret shorter than {@link ServerSettings#MIN_SECRET_BYTES}
     *                is then only warned about
     */
    public static OutboundSmsSettings from(Config.Scope config, UnaryOperator<String> env, boolean devMode) {
        ServerSettings server = new ServerSettings(config::get, env);
        Optional<URI> endpoint = server.httpUrl(new Setting(URL_ENV, URL));
        Optional<byte[]> key = server.secret(new Setting(SECRET_ENV, SECRET), devMode)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        int timeoutMs = server.wholeNumber(new Setting(TIMEOUT_ENV, TIMEOUT_MS), 5000, 100, 60_000);
        int queue = server.wholeNumber(Setting.option(QUEUE), 1000, 1, 100_000);
        return new OutboundSmsSettings(endpoint, key, Duration.ofMillis(timeoutMs), queue);
    }

    /** Both endpoint and secret set: only then is anything sent. */
    public boolean configured() {
        return endpoint.isPresent() && secret.isPresent();
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "OutboundSmsSettings[" + endpoint.map(URI::toString).orElse("-") + " secret=" + (secret.isPresent() ? "set" : "-")
                + " timeout=" + timeout + " queue=" + queueCapacity + "]";
    }
}
