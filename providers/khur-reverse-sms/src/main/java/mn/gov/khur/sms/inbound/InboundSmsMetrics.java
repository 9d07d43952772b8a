package mn.gov.khur.sms.inbound;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.challenge.ChallengePurpose;

/**
 * Micrometer meters of the webhook (Prometheus names: {@code khur_sms_inbound_messages_total{outcome}},
 * {@code khur_sms_challenge_to_sms_seconds_*{purpose}}). Tags are closed sets: no realm, no phone.
 */
final class InboundSmsMetrics {

    static final String MESSAGES = "khur_sms_inbound_messages";
    static final String CHALLENGE_TO_SMS = "khur_sms_challenge_to_sms";

    private final MeterRegistry registry;

    InboundSmsMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (InboundSmsOutcome outcome : InboundSmsOutcome.values()) {
            counter(outcome); // registered up front so dashboards and alerts see zeros, not gaps
        }
    }

    void count(InboundSmsOutcome outcome) {
        counter(outcome).increment();
    }

    /** From showing the code to the matching SMS arriving: the citizen's wait, and the operator's latency. */
    void challengeToSms(ChallengePurpose purpose, Duration elapsed) {
        Timer.builder(CHALLENGE_TO_SMS)
                .description("Time from issuing a reverse-SMS challenge to the matching SMS arriving")
                .tag("purpose", purpose == null ? "unknown" : purpose.name().toLowerCase(java.util.Locale.ROOT))
                .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
                        Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300), Duration.ofSeconds(600))
                .register(registry)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    private Counter counter(InboundSmsOutcome outcome) {
        return Counter.builder(MESSAGES)
                .description("Inbound SMS webhook requests by outcome")
                .tag("outcome", outcome.wireName())
                .register(registry);
    }
}
