package mn.gov.khur.registry.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    @Test
    void theWaitDoublesUpToTheMaximum() {
        RetrySettings settings = RetrySettings.from(Map.of());
        assertThat(settings.waitBefore(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.waitBefore(2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.waitBefore(4)).isEqualTo(Duration.ofMinutes(40));
        assertThat(settings.waitBefore(20)).isEqualTo(Duration.ofDays(1));
        assertThat(settings.waitBefore(1000)).isEqualTo(Duration.ofDays(1));
        assertThat(settings.maxAttempts()).isEqualTo(10);
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThatThrownBy(() -> RetrySettings.from(Map.of("KHUR_REGISTRY_RETRY_MAX_ATTEMPTS", "0"))).hasMessageContaining("1..100");
    }
}
