package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(20, 1000, nanos::get);

    @Test
    void allowsABurstOfThePerMinuteRateThenRefuses() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1").allowed()).as("permit %d", i).isTrue();
        }
        TokenBucketRateLimiter.Acquisition refused = limiter.tryAcquire("10.0.0.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(3); // one permit per 60/20 s
    }

    @Test
    void refillsContinuously() {
        drain("10.0.0.1");
        advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("10.0.0.1").retryAfterSeconds()).isEqualTo(1);

        advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanOneMinuteOfPermits() {
        drain("10.0.0.1");
        advance(Duration.ofHours(1));

        assertThat(drain("10.0.0.1")).isEqualTo(20);
    }

    @Test
    void keysAreIndependent() {
        drain("10.0.0.1");

        assertThat(limiter.tryAcquire("10.0.0.2").allowed()).isTrue();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        TokenBucketRateLimiter fast = new TokenBucketRateLimiter(600, 10, nanos::get);
        for (int i = 0; i < 600; i++) {
            fast.tryAcquire("k");
        }
        assertThat(fast.tryAcquire("k").retryAfterSeconds()).isEqualTo(1);
    }

    private int drain(String key) {
        int granted = 0;
        while (limiter.tryAcquire(key).allowed()) {
            granted++;
        }
        return granted;
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
