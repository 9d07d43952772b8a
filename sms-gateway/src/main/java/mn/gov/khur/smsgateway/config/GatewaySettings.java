package mn.gov.khur.smsgateway.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validated gateway settings in plain Java types, so the core never depends on Quarkus. */
public record GatewaySettings(URI webhookUrl, byte[] webhookSecret, String shortNumber, Duration webhookTimeout,
                              List<SmscSettings> smscs, Optional<byte[]> mtSecret, Optional<String> mtOperator) {

    /** HMAC keys shorter than this are guessable offline from one signed request. */
    static final int MIN_SECRET_BYTES = 16;
    private static final Pattern SHORT_NUMBER = Pattern.compile("\\d{3,15}");

    public GatewaySettings {
        if (webhookUrl == null || !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))
                || webhookUrl.getHost() == null) {
            throw new IllegalArgumentException("khur.gateway.webhook-url must be an absolute http(s) URL");
        }
        // the v2 signature names /realms/<realm>/sms-gateway/inbound: refuse a URL it could not name at start
        mn.gov.khur.smsgateway.webhook.WebhookSigner.signedPath(webhookUrl);
        if (webhookSecret == null || webhookSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("khur.gateway.webhook-secret must have at least "
                    + MIN_SECRET_BYTES + " bytes");
        }
        if (shortNumber == null || !SHORT_NUMBER.matcher(shortNumber).matches()) {
            throw new IllegalArgumentException("khur.gateway.short-number must be 3..15 digits");
        }
        if (webhookTimeout == null || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("khur.gateway.webhook-timeout must be positive");
        }
        smscs = List.copyOf(smscs);
        mtSecret = mtSecret == null ? Optional.empty() : mtSecret;
        mtOperator = mtOperator == null ? Optional.empty() : mtOperator;
        if (mtSecret.isPresent() && mtSecret.get().length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("khur.gateway.mt-secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        String mtKey = mtOperator.orElse(null);
        if (mtKey != null && smscs.stream().noneMatch(s -> s.operator().equals(mtKey))) {
            throw new IllegalArgumentException("khur.gateway.mt-operator names no configured SMSC: " + mtKey);
        }
    }

    public GatewaySettings(URI webhookUrl, byte[] webhookSecret, String shortNumber, Duration webhookTimeout,
                           List<SmscSettings> smscs) {
        this(webhookUrl, webhookSecret, shortNumber, webhookTimeout, smscs, Optional.empty(), Optional.empty());
    }

    /** The SMSC that carries MT, when MT is switched on (a secret is set) and any SMSC is configured. */
    public Optional<SmscSettings> mtSmsc() {
        if (mtSecret.isEmpty()) {
            return Optional.empty();
        }
        return smscs.stream().filter(s -> mtOperator.map(s.operator()::equals).orElse(true)).findFirst();
    }

    public static GatewaySettings of(GatewayConfig config) {
        List<SmscSettings> smscs = config.smsc().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> toSettings(e.getKey(), e.getValue()))
                .toList();
        return new GatewaySettings(parseUri(config.webhookUrl()),
                config.webhookSecret().getBytes(StandardCharsets.UTF_8), config.shortNumber().strip(),
                config.webhookTimeout(), smscs,
                config.mtSecret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                config.mtOperator().filter(s -> !s.isBlank()).map(String::strip));
    }

    private static SmscSettings toSettings(String operator, GatewayConfig.Smsc smsc) {
        return new SmscSettings(operator, smsc.host(), smsc.port(), smsc.systemId(), smsc.password(),
                smsc.systemType().orElse(""), smsc.bindType(), smsc.addressRange().orElse(""),
                smsc.enquireLinkInterval(), smsc.bindTimeout(), smsc.reconnectInitialDelay(),
                smsc.reconnectMaxDelay());
    }

    private static URI parseUri(String value) {
        try {
            return URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("khur.gateway.webhook-url is not a URL", e);
        }
    }

    @Override
    public String toString() {
        return "GatewaySettings[" + webhookUrl + " short-number=" + shortNumber + " smscs=" + smscs + " mt=" + mtSmsc().map(SmscSettings::operator).orElse("off") + "]";
    }
}
