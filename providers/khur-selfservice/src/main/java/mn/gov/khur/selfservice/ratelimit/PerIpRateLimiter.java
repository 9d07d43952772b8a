package mn.gov.khur.selfservice.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Token bucket per client IP for one self-service form: {@code perMinute} posts in a burst, refilled
 * continuously. Per node (like the webhook's limits): it protects each node and slows scripted
 * guessing; single use, captcha and brute-force lockout are the guarantees.
 */
public final class PerIpRateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final long costNanos;
    private final long capacityNanos;
    private final Ticker ticker;
    private final Cache<String, long[]> buckets;

    public PerIpRateLimiter(int perMinute, Ticker ticker) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.costNanos = NANOS_PER_MINUTE / perMinute;
        this.capacityNanos = costNanos * perMinute;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000)
                .ticker(ticker).executor(Runnable::run).build();
    }

    /** Takes one permit for this IP if there is one. Bucket: [credit, refilledAt]. */
    public boolean tryAcquire(String ip) {
        long now = ticker.read();
        long[] bucket = buckets.get(ip == null ? "unknown" : ip, k -> new long[] {capacityNanos, now});
        synchronized (bucket) {
            bucket[0] = Math.min(capacityNanos, bucket[0] + Math.max(0, now - bucket[1]));
            bucket[1] = now;
            if (bucket[0] >= costNanos) {
                bucket[0] -= costNanos;
                return true;
            }
            return false;
        }
    }
}
