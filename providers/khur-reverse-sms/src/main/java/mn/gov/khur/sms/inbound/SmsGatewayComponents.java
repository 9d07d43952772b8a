package mn.gov.khur.sms.inbound;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

/** What lives as long as the provider factory: settings, rate-limit buckets, meters. */
record SmsGatewayComponents(
        SmsGatewaySettings settings,
        InboundSignatureVerifier verifier,
        InboundSmsParser parser,
        TokenBucketRateLimiter authFailuresPerIp,
        TokenBucketRateLimiter messagesPerSender,
        InboundSmsMetrics metrics,
        Clock clock) {

    /** Distinct IPs or senders tracked at once per node; beyond it the least recent are forgotten. */
    static final long MAX_TRACKED_KEYS = 100_000;

    static SmsGatewayComponents create(SmsGatewaySettings settings, MeterRegistry registry, Clock clock) {
        return new SmsGatewayComponents(settings,
                new InboundSignatureVerifier(settings.secrets(), settings.timestampTolerance(), settings.acceptV1()),
                new InboundSmsParser(settings.shortNumber()),
                new TokenBucketRateLimiter(settings.authFailuresPerMinute(), MAX_TRACKED_KEYS),
                new TokenBucketRateLimiter(settings.messagesPerSenderPerMinute(), MAX_TRACKED_KEYS),
                new InboundSmsMetrics(registry),
                clock);
    }

    /** The same meters and clock with other settings and the given rate-limit buckets (kept across reloads). */
    SmsGatewayComponents withSettings(SmsGatewaySettings other, TokenBucketRateLimiter authFailures,
                                      TokenBucketRateLimiter perSender) {
        return new SmsGatewayComponents(other,
                new InboundSignatureVerifier(other.secrets(), other.timestampTolerance(), other.acceptV1()),
                new InboundSmsParser(other.shortNumber()),
                authFailures, perSender, metrics, clock);
    }
}
