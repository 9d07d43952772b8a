package mn.gov.khur.sms.inbound;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket per key (client IP, sender MSISDN): {@code permitsPerMinute} in a burst, refilled
 * continuously at the same rate per minute.
 *
 * <p><b>Per node</b>: buckets live in this JVM only, so a cluster of N nodes behind a load balancer
 * admits up to N times the configured rate. That is deliberate: these limits only protect each
 * node from floods; the guarantees that matter (single use, brute-force lockout) are cluster-wide.
 *
 * <p>An idle bucket is full again after one minute, so buckets are dropped after two idle minutes
 * without changing any answer; the size cap bounds memory under a flood of distinct keys.
 */
final class TokenBucketRateLimiter {

    private static final Duration IDLE_EXPIRY = Duration.ofMinutes(2);
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final int permitsPerMinute;
    private final long permitCostNanos;
    private final long capacityNanos;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    TokenBucketRateLimiter(int permitsPerMinute, long maxKeys, Ticker ticker) {
        if (permitsPerMinute <= 0) {
            throw new IllegalArgumentException("permitsPerMinute must be positive");
        }
        this.permitsPerMinute = permitsPerMinute;
        this.permitCostNanos = NANOS_PER_MINUTE / permitsPerMinute;
        this.capacityNanos = permitCostNanos * permitsPerMinute;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(IDLE_EXPIRY)
                .maximumSize(maxKeys)
                .ticker(ticker)
                .executor(Runnable::run) // maintenance inline: no pool threads of our own in the server
                .build();
    }

    TokenBucketRateLimiter(int permitsPerMinute, long maxKeys) {
        this(permitsPerMinute, maxKeys, Ticker.systemTicker());
    }

    int permitsPerMinute() {
        return permitsPerMinute;
    }

    /** Takes one permit if there is one. */
    Acquisition tryAcquire(String key) {
        long now = ticker.read();
        Bucket bucket = buckets.get(key, k -> new Bucket(capacityNanos, now));
        synchronized (bucket) {
            bucket.refill(now, capacityNanos);
            if (bucket.creditNanos >= permitCostNanos) {
                bucket.creditNanos -= permitCostNanos;
                return Acquisition.ALLOWED;
            }
            long waitNanos = permitCostNanos - bucket.creditNanos;
            return Acquisition.denied(Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
        }
    }

    /** {@code retryAfterSeconds} is only meaningful when not allowed. */
    record Acquisition(boolean allowed, long retryAfterSeconds) {
        static final Acquisition ALLOWED = new Acquisition(true, 0);

        static Acquisition denied(long retryAfterSeconds) {
            return new Acquisition(false, retryAfterSeconds);
        }
    }

    /** Credit counted in nanoseconds of refill time (integers: no rounding drift); a permit costs 1/rate of a minute. */
    private static final class Bucket {
        private long creditNanos;
        private long refilledAt;

        private Bucket(long capacityNanos, long now) {
            this.creditNanos = capacityNanos;
            this.refilledAt = now;
        }

        private void refill(long now, long capacityNanos) {
            long elapsed = Math.max(0, now - refilledAt);
            creditNanos = Math.min(capacityNanos, creditNanos + elapsed);
            refilledAt = now;
        }
    }
}
