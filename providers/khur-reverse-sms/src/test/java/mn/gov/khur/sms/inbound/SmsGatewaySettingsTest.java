package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class SmsGatewaySettingsTest {

    private static final UnaryOperator<String> NO_ENV = name -> null;

    @Test
    void defaultsFollowTheContract() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of()), NO_ENV, true);

        assertThat(settings.shortNumber()).isEqualTo("130092");
        assertThat(settings.timestampTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.duplicateRetention()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.authFailuresPerMinute()).isEqualTo(20);
        assertThat(settings.messagesPerSenderPerMinute()).isEqualTo(30);
    }

    @Test
    void devModeWithoutSecretUsesTheSandboxSecret() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of()), NO_ENV, true);

        assertThat(settings.usingDevSecret()).isTrue();
        assertThat(settings.secrets()).singleElement().isEqualTo("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void productionWithoutSecretIsNotConfigured() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of()), NO_ENV, false);

        assertThat(settings.secretConfigured()).isFalse();
        assertThat(settings.usingDevSecret()).isFalse();
    }

    @Test
    void theEnvironmentVariableWinsOverProviderConfig() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of("inbound-secret", "from-config-0123456789abcdef0123456789")),
                Map.of("KHUR_SMS_INBOUND_SECRET", "from-env-0123456789abcdef0123456789")::get, false);

        assertThat(settings.secrets()).singleElement().isEqualTo("from-env-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(settings.toString()).doesNotContain("from-env-0123456789abcdef0123456789");
    }

    @Test
    void providerConfigIsEnoughToo() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of("inbound-secret", "from-config-0123456789abcdef0123456789")),
                NO_ENV, false);

        assertThat(settings.secretConfigured()).isTrue();
    }

    @Test
    void aPreviousSecretIsAcceptedOnlyAlongsideACurrentOne() {
        SmsGatewaySettings rotating = SmsGatewaySettings.from(new MapConfigScope(Map.of()),
                Map.of("KHUR_SMS_INBOUND_SECRET", "new-0123456789abcdef0123456789abcdef", "KHUR_SMS_INBOUND_SECRET_PREVIOUS", "old-0123456789abcdef0123456789abcdef")::get, false);
        SmsGatewaySettings previousOnly = SmsGatewaySettings.from(new MapConfigScope(Map.of()),
                Map.of("KHUR_SMS_INBOUND_SECRET_PREVIOUS", "old-0123456789abcdef0123456789abcdef")::get, false);

        assertThat(rotating.secrets()).hasSize(2);
        assertThat(previousOnly.secretConfigured()).isFalse();
    }

    @Test
    void readsEveryLimitFromProviderConfig() {
        SmsGatewaySettings settings = SmsGatewaySettings.from(new MapConfigScope(Map.of(
                "short-number", "1234", "timestamp-tolerance-seconds", "60", "duplicate-retention-hours", "72",
                "auth-failures-per-minute", "5", "messages-per-sender-per-minute", "10")), NO_ENV, true);

        assertThat(settings.shortNumber()).isEqualTo("1234");
        assertThat(settings.timestampTolerance()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.duplicateRetention()).isEqualTo(Duration.ofHours(72));
        assertThat(settings.authFailuresPerMinute()).isEqualTo(5);
        assertThat(settings.messagesPerSenderPerMinute()).isEqualTo(10);
    }

    @Test
    void onlyRealmKhurHasAGatewayUnlessOthersAreListedAndV1IsAcceptedUnlessSwitchedOff() {
        SmsGatewaySettings defaults = SmsGatewaySettings.from(new MapConfigScope(Map.of()), NO_ENV, true);
        assertThat(defaults.serves("khur")).isTrue();
        assertThat(defaults.serves("master")).isFalse();
        assertThat(defaults.acceptV1()).isTrue();

        SmsGatewaySettings configured = SmsGatewaySettings.from(new MapConfigScope(Map.of("realms", "khur, khur-test", "accept-v1", "false")),
                NO_ENV, true);
        assertThat(configured.realms()).containsExactlyInAnyOrder("khur", "khur-test");
        assertThat(configured.acceptV1()).isFalse();

        Map<String, String> env = Map.of("KHUR_SMS_INBOUND_REALMS", "citizens", "KHUR_SMS_INBOUND_ACCEPT_V1", "FALSE");
        SmsGatewaySettings fromEnv = SmsGatewaySettings.from(new MapConfigScope(Map.of("realms", "khur")), env::get, true);
        assertThat(fromEnv.realms()).containsExactly("citizens");
        assertThat(fromEnv.acceptV1()).isFalse();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> SmsGatewaySettings.from(new MapConfigScope(Map.of("accept-v1", "maybe")), NO_ENV, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsGatewaySettings.from(new MapConfigScope(Map.of("auth-failures-per-minute", "0")), NO_ENV, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmsGatewaySettings.from(new MapConfigScope(Map.of("short-number", "13 00 92")), NO_ENV, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortSecretIsRefusedWithItsNameOutsideDevModeAndOnlyWarnedAboutInDevMode() {
        UnaryOperator<String> shortSecret = Map.of("KHUR_SMS_INBOUND_SECRET", "short-secret")::get;

        assertThatThrownBy(() -> SmsGatewaySettings.from(new MapConfigScope(Map.of()), shortSecret, false))
                .hasMessageContaining("KHUR_SMS_INBOUND_SECRET").hasMessageContaining("32 bytes")
                .hasMessageNotContaining("short-secret");
        assertThat(SmsGatewaySettings.from(new MapConfigScope(Map.of()), shortSecret, true).secretConfigured()).isTrue();
    }
}
