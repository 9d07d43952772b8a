package mn.gov.khur.smsgateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mn.gov.khur.smsgateway.testing.WebhookStub;
import mn.gov.khur.smsgateway.testing.WebhookStub.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookClientTest {

    private static final byte[] SECRET = "sandbox-sms-secret".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_764_000_000L), ZoneOffset.UTC);
    private static final InboundSms SMS =
            new InboundSms("mobicom-0001", "+97699112233", "130092", "Код 482913", "2026-11-24T10:15:00Z");

    private WebhookStub stub;

    @BeforeEach
    void start() throws IOException {
        stub = WebhookStub.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void postsTheContractBodySignedOverItsExactBytes() {
        WebhookResult result = client(stub.uri(), Duration.ofSeconds(2)).forward(SMS);

        assertThat(result).isEqualTo(new WebhookResult(WebhookResult.Outcome.ACCEPTED, 200, "matched"));
        WebhookStub.Request request = stub.requests().getFirst();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.timestamp()).isEqualTo("1764000000");
        assertThat(request.bodyText()).isEqualTo("{\"messageId\":\"mobicom-0001\",\"from\":\"+97699112233\","
                + "\"to\":\"130092\",\"text\":\"Код 482913\",\"receivedAt\":\"2026-11-24T10:15:00Z\"}");
        assertThat(request.signature()).isEqualTo(new WebhookSigner(SECRET, stub.uri()).sign("1764000000", request.body()));
    }

    @ParameterizedTest
    @CsvSource({
        "200, '{\"status\":\"unmatched\"}', ACCEPTED, unmatched",
        "200, '{\"status\":\"duplicate\"}', ACCEPTED, duplicate",
        "503, '', RETRY, -",
        "500, '<html>', RETRY, -",
        "429, '', RETRY, -",
        "302, '', RETRY, -",
        "400, '{\"error\":\"invalid_request\",\"error_description\":\"x\"}', REJECTED, invalid_request",
        "401, '{\"error\":\"invalid_signature\"}', HOLD, invalid_signature",
        "404, '{\"error\":\"not_found\"}', HOLD, not_found",
        "403, '', HOLD, -",
        "413, '', HOLD, -",
        "415, '{\"error\":\"unsupported_media_type\"}', HOLD, unsupported_media_type",
    })
    void classifiesAnswers(int status, String body, WebhookResult.Outcome outcome, String detail) {
        stub.answer(Answer.of(status, body));
        WebhookResult result = client(stub.uri(), Duration.ofSeconds(2)).forward(SMS);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.detail()).isEqualTo(detail);
    }

    @Test
    void connectionRefusedIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        WebhookResult result = client(URI.create("http://127.0.0.1:" + closedPort + "/realms/khur/sms-gateway/inbound"), Duration.ofSeconds(2))
                .forward(SMS);
        assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.RETRY);
        assertThat(result.httpStatus()).isZero();
    }

    @Test
    void slowAnswerIsATimeoutAndRetryable() {
        stub.answer(new Answer(200, "{\"status\":\"matched\"}", 1500));
        WebhookResult result = client(stub.uri(), Duration.ofMillis(300)).forward(SMS);
        assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.RETRY);
        assertThat(result.detail()).startsWith("timeout");
    }

    private static WebhookClient client(URI uri, Duration timeout) {
        return new WebhookClient(uri, new WebhookSigner(SECRET, uri), timeout, WebhookClient.defaultHttpClient(timeout),
                CLOCK);
    }
}
