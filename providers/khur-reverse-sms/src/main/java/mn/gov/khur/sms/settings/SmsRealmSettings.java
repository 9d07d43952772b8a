package mn.gov.khur.sms.settings;

import mn.gov.khur.common.phone.ShortNumber;
import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.identity.settings.RealmSettingsValues;
import mn.gov.khur.identity.settings.ServerSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an operator set for one realm in the admin console tab {@link SmsSettingsTab} (inbound SMS
 * webhook and SMS audit). Every value is optional: unset means the server's environment/SPI default.
 * Secrets stay as stored (a {@code ${vault.<key>}} reference or the secret itself); they are resolved
 * where they are used.
 */
public record SmsRealmSettings(
        Optional<String> inboundSecret,
        Optional<String> previousInboundSecret,
        Optional<String> shortNumber,
        OptionalInt timestampToleranceSeconds,
        OptionalInt duplicateRetentionHours,
        OptionalInt authFailuresPerMinute,
        OptionalInt messagesPerSenderPerMinute,
        OptionalInt auditRetentionDays) {

    public static final String INBOUND_SECRET = "inbound-secret";
    public static final String INBOUND_SECRET_PREVIOUS = "inbound-secret-previous";
    public static final String SHORT_NUMBER = "short-number";
    public static final String TIMESTAMP_TOLERANCE_SECONDS = "timestamp-tolerance-seconds";
    public static final String DUPLICATE_RETENTION_HOURS = "duplicate-retention-hours";
    public static final String AUTH_FAILURES_PER_MINUTE = "auth-failures-per-minute";
    public static final String MESSAGES_PER_SENDER_PER_MINUTE = "messages-per-sender-per-minute";
    public static final String AUDIT_RETENTION_DAYS = "audit-retention-days";

    public static final int MAX_PER_MINUTE = 100_000;

    public static final SmsRealmSettings NONE = new SmsRealmSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    /** @throws InvalidRealmSettingException naming the first unusable value */
    public static SmsRealmSettings parse(Map<String, List<String>> config) {
        RealmSettingsValues values = new RealmSettingsValues(config);
        Optional<String> secret = values.secretReference(INBOUND_SECRET, "Inbound secret", ServerSettings.MIN_SECRET_BYTES);
        Optional<String> previous = values.secretReference(INBOUND_SECRET_PREVIOUS, "Previous inbound secret", ServerSettings.MIN_SECRET_BYTES);
        if (previous.isPresent() && secret.isEmpty()) {
            throw new InvalidRealmSettingException("Previous inbound secret is accepted only together with an inbound secret");
        }
        Optional<String> shortNumber = values.text(SHORT_NUMBER);
        if (shortNumber.isPresent() && !ShortNumber.isValid(shortNumber.get())) {
            throw new InvalidRealmSettingException("Short number must be " + ShortNumber.RULE);
        }
        return new SmsRealmSettings(secret, previous, shortNumber,
                values.wholeNumber(TIMESTAMP_TOLERANCE_SECONDS, "Timestamp tolerance (seconds)", 30, 3600),
                values.wholeNumber(DUPLICATE_RETENTION_HOURS, "Duplicate retention (hours)", 1, 720),
                values.wholeNumber(AUTH_FAILURES_PER_MINUTE, "Authentication failures per minute", 1, MAX_PER_MINUTE),
                values.wholeNumber(MESSAGES_PER_SENDER_PER_MINUTE, "Messages per sender per minute", 1, MAX_PER_MINUTE),
                values.wholeNumber(AUDIT_RETENTION_DAYS, "Audit retention (days)", 1, 3650));
    }

    /** Whether a secret comes from the vault (then it is re-read now and then, to follow a rotated vault entry). */
    public boolean usesVault() {
        return inboundSecret.filter(RealmSettingsValues::isVaultReference).isPresent()
                || previousInboundSecret.filter(RealmSettingsValues::isVaultReference).isPresent();
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "SmsRealmSettings[inboundSecret=" + describe(inboundSecret) + ", previousInboundSecret=" + describe(previousInboundSecret)
                + ", shortNumber=" + shortNumber + ", timestampToleranceSeconds=" + timestampToleranceSeconds
                + ", duplicateRetentionHours=" + duplicateRetentionHours + ", authFailuresPerMinute=" + authFailuresPerMinute
                + ", messagesPerSenderPerMinute=" + messagesPerSenderPerMinute + ", auditRetentionDays=" + auditRetentionDays + "]";
    }

    private static String describe(Optional<String> secret) {
        return secret.map(s -> RealmSettingsValues.isVaultReference(s) ? "vault" : "set").orElse("unset");
    }
}
