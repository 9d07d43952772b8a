package mn.gov.khur.smsgateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code khur.gateway.*}; every key can be overridden by system property or environment
 * variable (e.g. {@code KHUR_GATEWAY_WEBHOOK_SECRET}, {@code KHUR_GATEWAY_SMSC_MOBICOM_HOST}).
 */
@ConfigMapping(prefix = "khur.gateway")
public interface GatewayConfig {

    /** e.g. http://localhost:8080/realms/khur/sms-gateway/inbound */
    String webhookUrl();

    /** The HMAC secret shared with the identity provider (its KHUR_SMS_INBOUND_SECRET). */
    String webhookSecret();

    @WithDefault("130092")
    String shortNumber();

    @WithDefault("5s")
    Duration webhookTimeout();

    /**
     * HMAC secret of the identity provider's {@code POST /mt} (its KHUR_SMS_OUTBOUND_SECRET); without it the
     * bridge sends no MT and answers {@code /mt} with 503.
     */
    Optional<String> mtSecret();

    /** The operator whose SMSC carries MT; default: the first configured (by key). */
    Optional<String> mtOperator();

    /** Where SMS the webhook refused with 401, 404, … wait for it to accept again (contract: only 400 is final). */
    Hold hold();

    interface Hold {
        /** A directory that survives restarts (a volume in a container); created owner-only. */
        @WithDefault("data/held")
        String directory();

        /** Beyond this many the SMSC keeps further ones (temporary error). */
        @WithDefault("10000")
        int maxMessages();

        /** Older ones are dropped (logged, counted): their codes have long expired. */
        @WithDefault("24h")
        Duration maxAge();

        /** How often the held SMS are offered to the webhook again. */
        @WithDefault("30s")
        Duration retryInterval();
    }

    /** One entry per operator, keyed by a short lower-case name: {@code khur.gateway.smsc."mobicom".host}. */
    Map<String, Smsc> smsc();

    interface Smsc {
        String host();

        @WithDefault("2775")
        int port();

        String systemId();

        String password();

        Optional<String> systemType();

        @WithDefault("RECEIVER")
        BindMode bindType();

        Optional<String> addressRange();

        @WithDefault("30s")
        Duration enquireLinkInterval();

        /** TCP connect and bind_resp wait. */
        @WithDefault("10s")
        Duration bindTimeout();

        @WithDefault("1s")
        Duration reconnectInitialDelay();

        @WithDefault("60s")
        Duration reconnectMaxDelay();
    }
}
