package mn.gov.khur.sms.challenge;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Reverse-SMS challenges on the management port: {@code khur_sms_challenges_issued_total{purpose}} (each code shown,
 * new codes included) and {@code khur_sms_challenges_expired_total{purpose}} (a page found its code expired before
 * an SMS matched it; counted once per code). Pending ≈ issued − matched − expired over the code lifetime; matched is
 * {@code khur_sms_inbound_messages_total{outcome="matched"}}. Registered at start: zeros, not gaps.
 */
public final class ChallengeMetrics {

    static final String ISSUED = "khur_sms_challenges_issued";
    static final String EXPIRED = "khur_sms_challenges_expired";

    private ChallengeMetrics() {
    }

    public static void register(MeterRegistry registry) {
        for (ChallengePurpose purpose : ChallengePurpose.values()) {
            counter(registry, ISSUED, purpose);
            counter(registry, EXPIRED, purpose);
        }
    }

    static void issued(ChallengePurpose purpose) {
        counter(Metrics.globalRegistry, ISSUED, purpose).increment();
    }

    public static void expired(ChallengePurpose purpose) {
        counter(Metrics.globalRegistry, EXPIRED, purpose).increment();
    }

    private static Counter counter(MeterRegistry registry, String name, ChallengePurpose purpose) {
        return Counter.builder(name)
                .description(name.equals(ISSUED) ? "Reverse-SMS codes shown" : "Reverse-SMS codes that expired unmatched")
                .tag("purpose", purpose.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
