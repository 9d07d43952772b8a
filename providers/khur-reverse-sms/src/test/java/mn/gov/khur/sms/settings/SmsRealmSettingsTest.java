package mn.gov.khur.sms.settings;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.identity.settings.RealmSettingsValues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsRealmSettingsTest {

    private static final String LONG_SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void nothingSavedMeansServerDefaultsEverywhere() {
        assertThat(SmsRealmSettings.parse(Map.of())).isEqualTo(SmsRealmSettings.NONE);
        // the admin console saves empty fields as empty strings, and adds its route parameters
        assertThat(SmsRealmSettings.parse(Map.of("messages-per-sender-per-minute", List.of(""),
                "realm", List.of("khur"), "tab", List.of("khur-sms-gateway")))).isEqualTo(SmsRealmSettings.NONE);
    }

    @Test
    void savedValuesAreTyped() {
        SmsRealmSettings settings = SmsRealmSettings.parse(Map.of(
                "inbound-secret", List.of("${vault.khur-sms-inbound-secret}"),
                "inbound-secret-previous", List.of(LONG_SECRET),
                "short-number", List.of(" 133000 "),
                "timestamp-tolerance-seconds", List.of("120"),
                "duplicate-retention-hours", List.of("72"),
                "auth-failures-per-minute", List.of("5"),
                "messages-per-sender-per-minute", List.of("2"),
                "audit-retention-days", List.of("90")));

        assertThat(settings.inboundSecret()).contains("${vault.khur-sms-inbound-secret}");
        assertThat(settings.previousInboundSecret()).contains(LONG_SECRET);
        assertThat(settings.shortNumber()).contains("133000");
        assertThat(settings.timestampToleranceSeconds()).hasValue(120);
        assertThat(settings.duplicateRetentionHours()).hasValue(72);
        assertThat(settings.authFailuresPerMinute()).hasValue(5);
        assertThat(settings.messagesPerSenderPerMinute()).hasValue(2);
        assertThat(settings.auditRetentionDays()).hasValue(90);
        assertThat(settings.usesVault()).isTrue();
        assertThat(settings.toString()).doesNotContain(LONG_SECRET).contains("inboundSecret=vault");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "messages-per-sender-per-minute | -1    | Messages per sender per minute must be from 1 to 100000, got -1",
            "messages-per-sender-per-minute | 0     | Messages per sender per minute must be from 1 to 100000, got 0",
            "auth-failures-per-minute       | many  | Authentication failures per minute must be a whole number from 1 to 100000, got many",
            "timestamp-tolerance-seconds    | 5     | Timestamp tolerance (seconds) must be from 30 to 3600, got 5",
            "duplicate-retention-hours      | 1.5   | Duplicate retention (hours) must be a whole number from 1 to 720, got 1.5",
            "audit-retention-days           | 0     | Audit retention (days) must be from 1 to 3650, got 0",
            "short-number                   | 13OO9 | Short number must be 3 to 15 digits",
    })
    void unusableValuesAreRejectedByName(String name, String value, String message) {
        assertThatThrownBy(() -> SmsRealmSettings.parse(Map.of(name, List.of(value))))
                .isInstanceOf(InvalidRealmSettingException.class)
                .hasMessage(message);
    }

    @Test
    void aShortLiteralSecretIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SmsRealmSettings.parse(Map.of("inbound-secret", List.of("short-secret-xyz"))))
                .isInstanceOf(InvalidRealmSettingException.class)
                .hasMessageContaining("Inbound secret must be a vault reference")
                .hasMessageNotContaining("short-secret-xyz");
    }

    @Test
    void aPreviousSecretAloneIsRejected() {
        assertThatThrownBy(() -> SmsRealmSettings.parse(Map.of("inbound-secret-previous", List.of(LONG_SECRET))))
                .isInstanceOf(InvalidRealmSettingException.class)
                .hasMessage("Previous inbound secret is accepted only together with an inbound secret");
    }

    @Test
    void vaultReferencesAreRecognised() {
        assertThat(RealmSettingsValues.isVaultReference("${vault.khur-sms-inbound-secret}")).isTrue();
        assertThat(RealmSettingsValues.isVaultReference(" ${vault.a} ")).isTrue();
        assertThat(RealmSettingsValues.isVaultReference("${vault.}")).isFalse();
        assertThat(RealmSettingsValues.isVaultReference("${env.X}")).isFalse();
        assertThat(RealmSettingsValues.isVaultReference("vault.x")).isFalse();
    }
}
