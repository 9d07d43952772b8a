package mn.gov.khur.sms.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import mn.gov.khur.sms.inbound.MapConfigScope;

import org.junit.jupiter.api.Test;

class OutboundSmsSettingsTest {

    private static final String SECRET = "outbound-secret-0123456789abcdef0123456";

    @Test
    void nothingSetMeansNothingIsSent() {
        OutboundSmsSettings settings = OutboundSmsSettings.from(new MapConfigScope(Map.of()), name -> null, false);

        assertThat(settings.configured()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aUrlWithoutASecretIsNotEnough() {
        assertThat(OutboundSmsSettings.from(new MapConfigScope(Map.of()),
                Map.of(OutboundSmsSettings.URL_ENV, "http://bridge:8095/mt")::get, false).configured()).isFalse();
    }

    @Test
    void theEnvironmentWinsOverProviderOptions() {
        Map<String, String> env = Map.of(OutboundSmsSettings.URL_ENV, "http://bridge:8095/mt",
                OutboundSmsSettings.SECRET_ENV, SECRET, OutboundSmsSettings.TIMEOUT_ENV, "2500");
        OutboundSmsSettings settings = OutboundSmsSettings.from(new MapConfigScope(Map.of(
                "outbound-url", "http://other:1/mt", "outbound-timeout-ms", "9000")), env::get, false);

        assertThat(settings.configured()).isTrue();
        assertThat(settings.endpoint()).hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("bridge"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void unusableValuesStopTheStartWithTheReason() {
        assertThatThrownBy(() -> OutboundSmsSettings.from(new MapConfigScope(Map.of()),
                Map.of(OutboundSmsSettings.URL_ENV, "ftp://bridge/mt")::get, false)).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> OutboundSmsSettings.from(new MapConfigScope(Map.of()),
                Map.of(OutboundSmsSettings.SECRET_ENV, "short")::get, false)).hasMessageContaining("32 bytes")
                .hasMessageContaining(OutboundSmsSettings.SECRET_ENV).hasMessageNotContaining("short");
        assertThatThrownBy(() -> OutboundSmsSettings.from(new MapConfigScope(Map.of()),
                Map.of(OutboundSmsSettings.TIMEOUT_ENV, "99999999")::get, false)).hasMessageContaining("100..60000");
    }

    @Test
    void aShortSecretIsOnlyWarnedAboutInDevMode() {
        OutboundSmsSettings settings = OutboundSmsSettings.from(new MapConfigScope(Map.of()),
                Map.of(OutboundSmsSettings.URL_ENV, "http://bridge:8095/mt", OutboundSmsSettings.SECRET_ENV, "short")::get, true);

        assertThat(settings.configured()).isTrue();
    }
}
