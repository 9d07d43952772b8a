package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mn.gov.khur.smsgateway.testing.Pdus;
import mn.gov.khur.smsgateway.testing.WebhookStub;
import mn.gov.khur.smsgateway.testing.WebhookStub.Answer;
import mn.gov.khur.smsgateway.webhook.WebhookClient;
import mn.gov.khur.smsgateway.webhook.WebhookSigner;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deliver_sm → webhook (JDK HttpServer on a loopback port) → deliver_sm_resp status. */
class DeliverSmHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC);

    private final List<Disposition> observed = new ArrayList<>();
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
    void acknowledgesOnlyAfterTheWebhookAnswered2xx() throws Exception {
        DeliverSm sm = Pdus.mo("97699112233", "130092", (byte) 0x08, "Код 482913".getBytes(StandardCharsets.UTF_16BE));

        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(sm)).doesNotThrowAnyException();

        JsonNode body = new ObjectMapper().readTree(stub.requests().getFirst().body());
        assertThat(body.get("messageId").asText()).matches("mobicom-[0-9a-f]{32}");
        assertThat(body.get("from").asText()).isEqualTo("+97699112233");
        assertThat(body.get("to").asText()).isEqualTo("130092");
        assertThat(body.get("text").asText()).isEqualTo("Код 482913");
        assertThat(body.get("receivedAt").asText()).isEqualTo("2026-11-24T10:15:00Z");
        assertThat(observed).containsExactly(Disposition.FORWARDED);
    }

    @ParameterizedTest
    @CsvSource({
        "97699112233, INTERNATIONAL, +97699112233",
        "99112233, NATIONAL, +97699112233",
        "99112233, UNKNOWN, +97699112233"})
    void forwardsTheE164NumberTheOperatorGave(String source, TypeOfNumber ton, String e164) throws Exception {
        handler(stub.uri()).onAcceptDeliverSm(Pdus.from(Pdus.gsm(source, "130092", "482913"), ton, NumberingPlanIndicator.ISDN));

        assertThat(new ObjectMapper().readTree(stub.requests().getFirst().body()).get("from").asText()).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource({
        "50051234, INTERNATIONAL, ISDN",        // the Falklands' +500 51234, which used to become +976 50051234
        "79161234567, INTERNATIONAL, ISDN",
        "70112233, NATIONAL, ISDN",
        "97699112233, INTERNATIONAL, LAND_MOBILE",
        "MOBICOM, ALPHANUMERIC, UNKNOWN"})
    void aSenderThatIsNoMongolianMobileIsAcknowledgedAndNeverForwarded(String source, TypeOfNumber ton, NumberingPlanIndicator npi) {
        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(Pdus.from(Pdus.gsm(source, "130092", "482913"), ton, npi)))
                .doesNotThrowAnyException();

        assertThat(stub.requests()).isEmpty();
        assertThat(observed).containsExactly(Disposition.IGNORED_NOT_MONGOLIAN_MOBILE);
    }

    @Test
    void withoutAnOperatorIdTheSameTextTwiceIsTwoMessagesAndARedeliveryIsOne() throws Exception {
        DeliverSmHandler handler = handler(stub.uri());
        stub.answer(Answer.of(503, ""));
        assertThatThrownBy(() -> handler.onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "0")))
                .isInstanceOf(ProcessRequestException.class);
        stub.answer(Answer.of(200, "{\"status\":\"unmatched\"}"));
        handler.onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "0")); // the SMSC's redelivery
        handler.onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "0")); // the citizen's second "0"

        List<String> ids = new ArrayList<>();
        for (WebhookStub.Request request : stub.requests()) {
            ids.add(new ObjectMapper().readTree(request.body()).get("messageId").asText());
        }
        assertThat(ids).hasSize(3);
        assertThat(ids.get(1)).as("the redelivery").isEqualTo(ids.get(0));
        assertThat(ids.get(2)).as("a new SMS with the same text").isNotEqualTo(ids.get(0));
    }

    @Test
    void unmatchedAndDuplicateAreAcknowledgedToo() {
        stub.answer(Answer.of(200, "{\"status\":\"duplicate\"}"));
        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "1")))
                .doesNotThrowAnyException();
    }

    @Test
    void serviceUnavailableAsksTheSmscToRedeliver() {
        stub.answer(Answer.of(503, ""));
        assertStatus(handler(stub.uri()), SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(observed).containsExactly(Disposition.RETRY);
    }

    @Test
    void rateLimitedAsksTheSmscToRedeliver() {
        stub.answer(Answer.of(429, ""));
        assertStatus(handler(stub.uri()), SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    @Test
    void connectionRefusedAsksTheSmscToRedeliver() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertStatus(handler(URI.create("http://127.0.0.1:" + closedPort + "/realms/khur/sms-gateway/inbound")),
                SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    @Test
    void badRequestIsAPermanentError() {
        stub.answer(Answer.of(400, "{\"error\":\"invalid_request\"}"));
        assertStatus(handler(stub.uri()), SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(observed).containsExactly(Disposition.REJECTED);
    }

    @Test
    void deliveryReceiptsAreAcknowledgedAndNotForwarded() {
        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(Pdus.receipt("97699112233", "130092", "mt-1")))
                .doesNotThrowAnyException();
        assertThat(stub.requests()).isEmpty();
        assertThat(observed).containsExactly(Disposition.IGNORED_RECEIPT);
    }

    @Test
    void otherDestinationsAreAcknowledgedAndNotForwarded() {
        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(Pdus.gsm("97699112233", "1234", "482913")))
                .doesNotThrowAnyException();
        assertThat(stub.requests()).isEmpty();
        assertThat(observed).containsExactly(Disposition.IGNORED_OTHER_DESTINATION);
    }

    @Test
    void binaryMessagesAreAcknowledgedAndNotForwarded() {
        assertThatCode(() -> handler(stub.uri()).onAcceptDeliverSm(
                Pdus.mo("97699112233", "130092", (byte) 0x04, new byte[] {0x01, 0x02})))
                .doesNotThrowAnyException();
        assertThat(stub.requests()).isEmpty();
        assertThat(observed).containsExactly(Disposition.IGNORED_UNDECODABLE);
    }

    @Test
    void anUnexpectedFailureKeepsTheSmsAtTheSmsc() {
        DeliverSmHandler failing = new DeliverSmHandler("mobicom", "130092", sms -> {
            throw new IllegalStateException("bug");
        }, CLOCK, (op, d) -> observed.add(d));
        assertStatus(failing, SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    private void assertStatus(DeliverSmHandler handler, int expectedStatus) {
        assertThatThrownBy(() -> handler.onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "482913")))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(expectedStatus));
    }

    private DeliverSmHandler handler(URI webhook) {
        Duration timeout = Duration.ofSeconds(2);
        WebhookClient client = new WebhookClient(webhook,
                new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8), webhook), timeout,
                WebhookClient.defaultHttpClient(timeout), CLOCK);
        return new DeliverSmHandler("mobicom", "130092", client, CLOCK, (op, d) -> observed.add(d));
    }
}
