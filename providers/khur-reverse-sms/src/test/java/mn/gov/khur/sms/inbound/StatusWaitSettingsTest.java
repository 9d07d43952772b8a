package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusWaitSettingsTest {

    private final StatusWaitSettings defaults = StatusWaitSettings.from(new MapConfigScope(Map.of()));

    @Test
    void defaultsHoldUpTo25SecondsAndTenThousandRequests() {
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(25));
        assertThat(defaults.maxHeldRequests()).isEqualTo(10_000);
    }

    @Test
    void noWaitParameterMeansAnswerAtOnce() {
        assertThat(defaults.holdFor(null)).isZero();
        assertThat(defaults.holdFor("0")).isZero();
    }

    @Test
    void theWaitIsCappedAtTheConfiguredMaximum() {
        assertThat(defaults.holdFor("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.holdFor("25")).isEqualTo(Duration.ofSeconds(25));
        assertThat(defaults.holdFor("60")).isEqualTo(Duration.ofSeconds(25));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "61", "100", "1.5", "abc", " 5", "5s", "007", "99999999999"})
    void anythingButWholeSecondsUpToSixtyIsRefused(String wait) {
        assertThatThrownBy(() -> defaults.holdFor(wait)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wait");
    }

    @Test
    void optionsAreReadAndChecked() {
        StatusWaitSettings custom = StatusWaitSettings.from(new MapConfigScope(Map.of(
                "status-max-wait-seconds", "10", "status-max-held-requests", "0")));
        assertThat(custom.holdFor("25")).isEqualTo(Duration.ofSeconds(10));
        assertThat(custom.maxHeldRequests()).isZero();

        assertThatThrownBy(() -> StatusWaitSettings.from(new MapConfigScope(Map.of("status-max-wait-seconds", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusWaitSettings.from(new MapConfigScope(Map.of("status-max-wait-seconds", "61"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusWaitSettings.from(new MapConfigScope(Map.of("status-max-held-requests", "-1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
