package mn.gov.khur.sms.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

import mn.gov.khur.common.phone.ShortNumber;
import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;
import mn.gov.khur.sms.settings.SmsRealmSettings;

import org.keycloak.Config;

/**
 * Settings of the {@code sms-gateway} realm resource. Provider options are given as
 * {@code --spi-realm-restapi-extension--sms-gateway--<key>=<value>} (or the matching
 * {@code KC_SPI_REALM_RESTAPI_EXTENSION__SMS_GATEWAY__<KEY>} variable):
 * <ul>
 *   <li>{@value #INBOUND_SECRET}: the HMAC secret; the environment variable {@value #SECRET_ENV} wins.
 *       {@value #PREVIOUS_SECRET_ENV} / {@value #INBOUND_SECRET_PREVIOUS} are also accepted while a
 *       secret is being rotated. Dev mode without a secret uses {@value #DEV_SECRET}; other modes
 *       answer 503 until one is configured.</li>
 *   <li>{@value #SHORT_NUMBER} (default {@value ShortNumber#DEFAULT}): the only accepted {@code to}.</li>
 *   <li>{@value #TIMESTAMP_TOLERANCE_SECONDS} (default 300).</li>
 *   <li>{@value #DUPLICATE_RETENTION_HOURS} (default 48): how long a messageId is remembered.</li>
 *   <li>{@value #AUTH_FAILURES_PER_MINUTE} (default 20): per client IP, then 429.</li>
 *   <li>{@value #MESSAGES_PER_SENDER_PER_MINUTE} (default 30): per sender MSISDN, then 429.</li>
 *   <li>{@value #REALMS} (default {@value #DEFAULT_REALMS}; the environment variable {@value #REALMS_ENV} wins): the
 *       realms that have an SMS gateway with these settings, comma-separated. A realm that is not listed and has no
 *       saved {@code khur-sms-gateway} tab answers 404, whatever the signature.</li>
 *   <li>{@value #ACCEPT_V1} (default true; {@value #ACCEPT_V1_ENV} wins): whether {@code v1} signatures, which name no
 *       realm, are still accepted; switch off once every gateway signs {@code v2}.</li>
 * </ul>
 */
public record SmsGatewaySettings(
        List<byte[]> secrets,
        String shortNumber,
        Duration timestampTolerance,
        Duration duplicateRetention,
        int authFailuresPerMinute,
        int messagesPerSenderPerMinute,
        boolean usingDevSecret,
        Set<String> realms,
        boolean acceptV1) {

    public static final String SECRET_ENV = "KHUR_SMS_INBOUND_SECRET";
    public static final String PREVIOUS_SECRET_ENV = "KHUR_SMS_INBOUND_SECRET_PREVIOUS";
    public static final String DEV_SECRET = "sandbox-sms-secret";
    public static final String REALMS_ENV = "KHUR_SMS_INBOUND_REALMS";
    public static final String DEFAULT_REALMS = "khur";
    public static final String ACCEPT_V1_ENV = "KHUR_SMS_INBOUND_ACCEPT_V1";

    static final String INBOUND_SECRET = "inbound-secret";
    static final String INBOUND_SECRET_PREVIOUS = "inbound-secret-previous";
    static final String SHORT_NUMBER = "short-number";
    static final String TIMESTAMP_TOLERANCE_SECONDS = "timestamp-tolerance-seconds";
    static final String DUPLICATE_RETENTION_HOURS = "duplicate-retention-hours";
    static final String AUTH_FAILURES_PER_MINUTE = "auth-failures-per-minute";
    static final String MESSAGES_PER_SENDER_PER_MINUTE = "messages-per-sender-per-minute";
    static final String REALMS = "realms";
    static final String ACCEPT_V1 = "accept-v1";

    public SmsGatewaySettings {
        secrets = List.copyOf(secrets);
        realms = Set.copyOf(realms);
    }

    /**
     * The server's settings, read by the kit's rule ({@link ServerSettings}: environment variable, then SPI option,
     * then default; an unusable value refused at start-up with its name).
     *
     * @param env how to read an environment variable ({@code System::getenv} in the server)
     * @param devMode whether Keycloak runs in dev mode ({@code start-dev}): the sandbox secret without one, and a
     *                short secret only warned about
     */
    public static SmsGatewaySettings from(Config.Scope config, UnaryOperator<String> env, boolean devMode) {
        ServerSettings server = new ServerSettings(config::get, env);
        Optional<String> secret = server.secret(new Setting(SECRET_ENV, INBOUND_SECRET), devMode);
        Optional<String> previous = server.secret(new Setting(PREVIOUS_SECRET_ENV, INBOUND_SECRET_PREVIOUS), devMode);
        boolean devSecret = secret.isEmpty() && devMode;
        List<byte[]> secrets = new ArrayList<>();
        secret.or(() -> devSecret ? Optional.of(DEV_SECRET) : Optional.empty())
                .ifPresent(s -> secrets.add(s.getBytes(StandardCharsets.UTF_8)));
        if (!secrets.isEmpty()) {
            previous.ifPresent(p -> secrets.add(p.getBytes(StandardCharsets.UTF_8)));
        }
        String shortNumber = server.text(Setting.option(SHORT_NUMBER), ShortNumber.DEFAULT);
        if (!ShortNumber.isValid(shortNumber)) {
            throw ServerSettings.refused(Setting.option(SHORT_NUMBER), "must be " + ShortNumber.RULE + ", got " + shortNumber);
        }
        return new SmsGatewaySettings(secrets, shortNumber,
                Duration.ofSeconds(positive(server, TIMESTAMP_TOLERANCE_SECONDS, 300)),
                Duration.ofHours(positive(server, DUPLICATE_RETENTION_HOURS, 48)),
                positive(server, AUTH_FAILURES_PER_MINUTE, 20),
                positive(server, MESSAGES_PER_SENDER_PER_MINUTE, 30),
                devSecret,
                realms(server.text(new Setting(REALMS_ENV, REALMS), DEFAULT_REALMS)),
                server.flag(new Setting(ACCEPT_V1_ENV, ACCEPT_V1), true));
    }

    private static Set<String> realms(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * These (server) settings with what an operator saved for a realm on top. A realm secret replaces the
     * server's secrets (and the dev secret); one the vault cannot resolve leaves none, so the webhook
     * answers 503 rather than accepting the server's secret.
     *
     * @param resolveSecret a stored secret (vault reference or literal) to its bytes, empty when unresolvable
     */
    public SmsGatewaySettings withRealmSettings(SmsRealmSettings realm, Function<String, Optional<byte[]>> resolveSecret) {
        List<byte[]> realmSecrets = secrets;
        boolean devSecret = usingDevSecret;
        if (realm.inboundSecret().isPresent()) {
            realmSecrets = new ArrayList<>();
            resolveSecret.apply(realm.inboundSecret().get()).ifPresent(realmSecrets::add);
            if (!realmSecrets.isEmpty()) {
                realm.previousInboundSecret().flatMap(resolveSecret).ifPresent(realmSecrets::add);
            }
            devSecret = false;
        }
        return new SmsGatewaySettings(realmSecrets,
                realm.shortNumber().orElse(shortNumber),
                realm.timestampToleranceSeconds().isPresent()
                        ? Duration.ofSeconds(realm.timestampToleranceSeconds().getAsInt()) : timestampTolerance,
                realm.duplicateRetentionHours().isPresent()
                        ? Duration.ofHours(realm.duplicateRetentionHours().getAsInt()) : duplicateRetention,
                realm.authFailuresPerMinute().orElse(authFailuresPerMinute),
                realm.messagesPerSenderPerMinute().orElse(messagesPerSenderPerMinute),
                devSecret,
                realms,
                acceptV1);
    }

    /** Settings for tests and tools: one secret, contract defaults. */
    public static SmsGatewaySettings withSecret(String secret) {
        return new SmsGatewaySettings(List.of(secret.getBytes(StandardCharsets.UTF_8)), ShortNumber.DEFAULT,
                Duration.ofSeconds(300), Duration.ofHours(48), 20, 30, false, Set.of(DEFAULT_REALMS), true);
    }

    /** Whether a realm without a saved tab of its own has an SMS gateway with these (the server's) settings. */
    public boolean serves(String realmName) {
        return realms.contains(realmName);
    }

    public boolean secretConfigured() {
        return !secrets.isEmpty();
    }

    private static int positive(ServerSettings server, String option, int fallback) {
        return server.wholeNumber(Setting.option(option), fallback, 1, Integer.MAX_VALUE);
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "SmsGatewaySettings[secrets=" + secrets.size() + ", shortNumber=" + shortNumber
                + ", timestampTolerance=" + timestampTolerance + ", duplicateRetention=" + duplicateRetention
                + ", authFailuresPerMinute=" + authFailuresPerMinute
                + ", messagesPerSenderPerMinute=" + messagesPerSenderPerMinute + ", usingDevSecret=" + usingDevSecret
                + ", realms=" + realms + ", acceptV1=" + acceptV1 + "]";
    }
}
