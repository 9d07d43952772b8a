package mn.gov.khur.smsgateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mn.gov.khur.smsgateway.webhook.InboundForwarder;
import mn.gov.khur.smsgateway.webhook.InboundSms;
import mn.gov.khur.smsgateway.webhook.WebhookResult;

/**
 * The webhook as operators watch it: {@code khur_smsgateway_webhook_seconds{class}} (latency of each forward, by
 * answer class: accepted, rate_limited, server_error, timeout, unreachable, redirect, unauthorized, rejected) and
 * {@code khur_smsgateway_webhook_in_flight} (MO messages held by the bridge waiting for the identity provider: the
 * bridge's queue; the SMSC keeps anything beyond it and redelivers).
 */
final class MeteredForwarder implements InboundForwarder {

    static final List<String> CLASSES = List.of("accepted", "rate_limited", "server_error", "timeout", "unreachable",
            "redirect", "unauthorized", "rejected");

    private final InboundForwarder next;
    private final MeterRegistry meters;
    private final AtomicInteger inFlight;

    MeteredForwarder(InboundForwarder next, MeterRegistry meters) {
        this.next = next;
        this.meters = meters;
        this.inFlight = meters.gauge("khur.smsgateway.webhook.in_flight", new AtomicInteger());
        CLASSES.forEach(this::timer); // zeros from the start, for alerts and dashboards
    }

    @Override
    public WebhookResult forward(InboundSms sms) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        WebhookResult result;
        try {
            result = next.forward(sms);
        } finally {
            inFlight.decrementAndGet();
        }
        timer(answerClass(result)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    static String answerClass(WebhookResult result) {
        int status = result.httpStatus();
        if (result.outcome() == WebhookResult.Outcome.ACCEPTED) {
            return "accepted";
        }
        if (status == 0) {
            return result.detail() != null && result.detail().startsWith("timeout") ? "timeout" : "unreachable";
        }
        if (status == 429) {
            return "rate_limited";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 300 && status < 400) {
            return "redirect";
        }
        return status == 401 ? "unauthorized" : "rejected";
    }

    private Timer timer(String answerClass) {
        return Timer.builder("khur.smsgateway.webhook")
                .description("Forwarding one MO SMS to the identity provider's webhook, by answer class")
                .tag("class", answerClass)
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(meters);
    }
}
