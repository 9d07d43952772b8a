package mn.gov.khur.smsgateway.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mn.gov.khur.smsgateway.smpp.DeliverSmHandler;
import mn.gov.khur.smsgateway.smpp.Disposition;
import mn.gov.khur.smsgateway.testing.Pdus;
import mn.gov.khur.smsgateway.testing.WebhookStub;
import mn.gov.khur.smsgateway.testing.WebhookStub.Answer;
import mn.gov.khur.smsgateway.webhook.WebhookClient;
import mn.gov.khur.smsgateway.webhook.WebhookSigner;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deliver_sm → webhook refuses with 401/404 → kept on disk, acknowledged → delivered once the webhook accepts. */
class HeldMessageDeliveryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;
    private WebhookStub stub;
    private final List<Disposition> dispositions = new ArrayList<>();
    private final List<HeldMessageDelivery.Outcome> outcomes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = WebhookStub.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404, 403, 405, 415})
    void aRefusalThatIsNotTheSmssIsKeptAcknowledgedAndDeliveredWithItsIdAfterARestart(int status) throws Exception {
        stub.answer(Answer.of(status, "{\"error\":\"x\"}"));
        assertThatCode(() -> handler(held(10)).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "Код 482913")))
                .as("ESME_ROK: the bridge has the SMS now").doesNotThrowAnyException();
        assertThat(dispositions).containsExactly(Disposition.HELD);

        stub.answer(Answer.of(200, "{\"status\":\"unmatched\"}"));
        HeldMessages afterRestart = held(10);
        assertThat(afterRestart.count()).isEqualTo(1);
        assertThat(delivery(afterRestart).deliverNow()).isZero();

        assertThat(stub.requests()).hasSize(2);
        JsonNode refused = json(stub.requests().get(0).body());
        JsonNode delivered = json(stub.requests().get(1).body());
        assertThat(delivered).as("the same SMS, messageId included").isEqualTo(refused);
        assertThat(outcomes).containsExactly(HeldMessageDelivery.Outcome.DELIVERED);
    }

    @Test
    void whileTheWebhookStillRefusesTheSmsStaysAndOnlyA400IsFinal() throws Exception {
        stub.answer(Answer.of(401, "{\"error\":\"invalid_signature\"}"));
        handler(held(10)).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "482913"));
        HeldMessages held = held(10);

        stub.answer(Answer.of(404, "{\"error\":\"not_found\"}"));
        assertThat(delivery(held).deliverNow()).isEqualTo(1);
        assertThat(held.oldestFirst().getFirst().lastStatus()).isEqualTo(404);
        stub.answer(Answer.of(503, ""));
        assertThat(delivery(held).deliverNow()).isEqualTo(1);

        stub.answer(Answer.of(400, "{\"error\":\"invalid_request\"}"));
        assertThat(delivery(held).deliverNow()).isZero();
        assertThat(outcomes).containsExactly(HeldMessageDelivery.Outcome.STILL_HELD, HeldMessageDelivery.Outcome.STILL_HELD,
                HeldMessageDelivery.Outcome.REFUSED);
    }

    @Test
    void aBadRequestIsStillRefusedAtOnceAndNeverKept() {
        stub.answer(Answer.of(400, "{\"error\":\"invalid_request\"}"));
        HeldMessages held = held(10);
        assertThatThrownBy(() -> handler(held).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "482913")))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN));
        assertThat(held.count()).isZero();
    }

    @Test
    void whenTheHoldIsFullTheSmscKeepsTheSms() throws Exception {
        stub.answer(Answer.of(401, "{\"error\":\"invalid_signature\"}"));
        HeldMessages held = held(1);
        handler(held).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "111111"));

        assertThatThrownBy(() -> handler(held).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "222222")))
                .isInstanceOfSatisfying(ProcessRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN));
        assertThat(dispositions).containsExactly(Disposition.HELD, Disposition.RETRY);
    }

    @Test
    void heldTooLongIsDroppedAndCounted() throws Exception {
        stub.answer(Answer.of(401, "{\"error\":\"invalid_signature\"}"));
        handler(held(10)).onAcceptDeliverSm(Pdus.gsm("97699112233", "130092", "482913"));
        HeldMessages dayLater = new HeldMessages(directory, 10, Duration.ofHours(24),
                Clock.offset(CLOCK, Duration.ofHours(25)));
        stub.answer(Answer.of(200, "{\"status\":\"unmatched\"}"));

        assertThat(delivery(dayLater).deliverNow()).isZero();
        assertThat(stub.requests()).as("not offered again").hasSize(1);
        assertThat(outcomes).containsExactly(HeldMessageDelivery.Outcome.EXPIRED);
    }

    private HeldMessages held(int max) {
        return new HeldMessages(directory, max, Duration.ofHours(24), CLOCK);
    }

    private HeldMessageDelivery delivery(HeldMessages held) {
        return new HeldMessageDelivery(held, client(), outcomes::add);
    }

    private DeliverSmHandler handler(HeldMessages held) {
        return new DeliverSmHandler("mobicom", "130092", client(), held, CLOCK, (op, d) -> dispositions.add(d));
    }

    private WebhookClient client() {
        Duration timeout = Duration.ofSeconds(2);
        return new WebhookClient(stub.uri(), new WebhookSigner("sandbox-sms-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                stub.uri()), timeout, WebhookClient.defaultHttpClient(timeout), CLOCK);
    }

    private static JsonNode json(byte[] body) throws IOException {
        return new ObjectMapper().readTree(body);
    }
}
