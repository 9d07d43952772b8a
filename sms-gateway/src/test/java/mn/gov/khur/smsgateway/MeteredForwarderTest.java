package mn.gov.khur.smsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import mn.gov.khur.smsgateway.webhook.WebhookResult;
import mn.gov.khur.smsgateway.webhook.WebhookResult.Outcome;
import org.junit.jupiter.api.Test;

class MeteredForwarderTest {

    @Test
    void eachAnswerIsTimedUnderItsClassAndTheQueueGaugeCountsMessagesWaitingForTheWebhook() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicReference<Double> inFlightDuringCall = new AtomicReference<>();
        MeteredForwarder forwarder = new MeteredForwarder(sms -> {
            inFlightDuringCall.set(meters.get("khur.smsgateway.webhook.in_flight").gauge().value());
            return new WebhookResult(Outcome.RETRY, 503, "server_error");
        }, meters);

        forwarder.forward(null);

        assertThat(inFlightDuringCall.get()).isEqualTo(1.0);
        assertThat(meters.get("khur.smsgateway.webhook.in_flight").gauge().value()).isZero();
        assertThat(meters.get("khur.smsgateway.webhook").tag("class", "server_error").timer().count()).isEqualTo(1);
        assertThat(meters.get("khur.smsgateway.webhook").tag("class", "accepted").timer().count())
                .as("registered up front").isZero();
    }

    @Test
    void answersFallIntoTheClassesTheAlertsUse() {
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.ACCEPTED, 200, "matched"))).isEqualTo("accepted");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.RETRY, 429, "-"))).isEqualTo("rate_limited");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.RETRY, 502, "-"))).isEqualTo("server_error");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.RETRY, 0, "timeout after 5000 ms"))).isEqualTo("timeout");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.RETRY, 0, "ConnectException"))).isEqualTo("unreachable");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.RETRY, 302, "-"))).isEqualTo("redirect");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.REJECTED, 401, "invalid_signature"))).isEqualTo("unauthorized");
        assertThat(MeteredForwarder.answerClass(new WebhookResult(Outcome.REJECTED, 400, "invalid_request"))).isEqualTo("rejected");
    }
}
