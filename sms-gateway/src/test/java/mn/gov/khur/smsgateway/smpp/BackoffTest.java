package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndResets() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5); // no jitter
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(10));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(10));
        }
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterStaysWithinTwentyPercentAndBelowTheCap() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0).next())
                .isEqualTo(Duration.ofMillis(800));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 1.0).next())
                .isEqualTo(Duration.ofMillis(1200));
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> 1.0).next())
                .isEqualTo(Duration.ofSeconds(10));
    }
}
