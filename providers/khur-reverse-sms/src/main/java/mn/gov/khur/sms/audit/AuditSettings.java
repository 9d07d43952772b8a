package mn.gov.khur.sms.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

import org.keycloak.Config;

/**
 * Settings of the {@code khur-sms-audit} provider:
 * {@code --spi-jpa-entity-provider--khur-sms-audit--retention-days=180},
 * {@code ...--purge-interval-hours=6}, {@code ...--sender-hash-key=...}
 * (or the environment variable {@value #SENDER_HASH_KEY_ENV}).
 */
public record AuditSettings(Duration retention, Duration purgeInterval, byte[] senderHashKey, boolean defaultHashKey) {

    public static final String SENDER_HASH_KEY_ENV = "KHUR_SMS_AUDIT_HASH_KEY";
    static final String RETENTION_DAYS = "retention-days";
    static final String PURGE_INTERVAL_HOURS = "purge-interval-hours";
    static final String SENDER_HASH_KEY = "sender-hash-key";
    static final int DEFAULT_RETENTION_DAYS = 180;
    static final int DEFAULT_PURGE_INTERVAL_HOURS = 6;
    /**
     * Used only when no key is configured (dev runs): rows stay searchable, but the hashes are then
     * reversible by anyone who reads this source. Changing the key later orphans older hashes.
     */
    static final String FALLBACK_HASH_KEY = "khur-sms-audit-sender-v1";

    public static AuditSettings from(Config.Scope config, UnaryOperator<String> env) {
        ServerSettings server = new ServerSettings(config::get, env);
        int retentionDays = server.wholeNumber(Setting.option(RETENTION_DAYS), DEFAULT_RETENTION_DAYS, 1, Integer.MAX_VALUE);
        int purgeHours = server.wholeNumber(Setting.option(PURGE_INTERVAL_HOURS), DEFAULT_PURGE_INTERVAL_HOURS, 1, Integer.MAX_VALUE);
        Optional<String> key = server.text(new Setting(SENDER_HASH_KEY_ENV, SENDER_HASH_KEY));
        return new AuditSettings(Duration.ofDays(retentionDays), Duration.ofHours(purgeHours),
                key.orElse(FALLBACK_HASH_KEY).getBytes(StandardCharsets.UTF_8), key.isEmpty());
    }

    public static AuditSettings defaults() {
        return new AuditSettings(Duration.ofDays(DEFAULT_RETENTION_DAYS), Duration.ofHours(DEFAULT_PURGE_INTERVAL_HOURS),
                FALLBACK_HASH_KEY.getBytes(StandardCharsets.UTF_8), true);
    }

    public AuditHasher hasher() {
        return new AuditHasher(senderHashKey);
    }

    @Override
    public String toString() {
        return "AuditSettings[retention=" + retention + ", purgeInterval=" + purgeInterval + ", defaultHashKey=" + defaultHashKey + "]";
    }
}
