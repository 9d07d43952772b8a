package mn.gov.khur.sandbox.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmscSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SmscSimulator smsc;

    @BeforeEach
    void start() throws IOException {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0)
                .withRetryInterval(Duration.ofMillis(200)).withResponseTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        smsc.close();
    }

    @Test
    void acceptsBindWithConfiguredCredentials() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            assertThat(esme.session().getSessionState().isBound()).isTrue();
            assertThat(smsc.awaitBoundReceiver(WAIT)).isTrue();
            assertThat(smsc.boundReceiverCount()).isEqualTo(1);
        }
    }

    @Test
    void rejectsWrongPasswordWithInvalidPasswordStatus() {
        assertThatThrownBy(() -> TestEsme.bind(smsc.port(), "khur", "wrong", BindType.BIND_RX))
                .isInstanceOf(IOException.class)
                .rootCause().isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVPASWD));
        assertThat(smsc.boundReceiverCount()).isZero();
    }

    @Test
    void rejectsUnknownSystemId() {
        assertThatThrownBy(() -> TestEsme.bind(smsc.port(), "intruder", "sandbox", BindType.BIND_TRX))
                .rootCause().isInstanceOfSatisfying(NegativeResponseException.class,
                        e -> assertThat(e.getCommandStatus()).isEqualTo(SMPPConstant.STAT_ESME_RINVSYSID));
    }

    @Test
    void deliversGsm7MoToBoundReceiver() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            SmscMessage message = smsc.deliverMo("+97699112233", "130092", "Code 482913 {ok}");

            assertThat(message.result().get(10, TimeUnit.SECONDS)).isZero();
            DeliverSm pdu = esme.received().getFirst();
            assertThat(pdu.getSourceAddr()).isEqualTo("97699112233");
            assertThat(pdu.getSourceAddrTon()).isEqualTo(TypeOfNumber.INTERNATIONAL.value());
            assertThat(pdu.getDestAddress()).isEqualTo("130092");
            assertThat(pdu.getDataCoding()).isZero();
            assertThat(MessageType.DEFAULT.containedIn(pdu.getEsmClass())).isTrue();
            // '{' and '}' are escaped into the GSM-7 extension table.
            assertThat(pdu.getShortMessage()).containsSequence(0x1B, 0x28);
            assertThat(smsc.deliveredCount()).isEqualTo(1);
            assertThat(smsc.pendingCount()).isZero();
        }
    }

    @Test
    void usesUcs2ForCyrillicAndNationalTonForEightDigits() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            smsc.deliverMo("99112233", "130092", "Код 482913").result().get(10, TimeUnit.SECONDS);

            DeliverSm pdu = esme.received().getFirst();
            assertThat(pdu.getDataCoding()).isEqualTo((byte) 0x08);
            assertThat(new String(pdu.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Код 482913");
            assertThat(pdu.getSourceAddrTon()).isEqualTo(TypeOfNumber.NATIONAL.value());
        }
    }

    @Test
    void sendsLongBodiesInMessagePayload() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            String text = "Ц".repeat(200);
            smsc.deliverMo("+97688123456", "130092", text).result().get(10, TimeUnit.SECONDS);

            DeliverSm pdu = esme.received().getFirst();
            assertThat(pdu.getShortMessage()).isEmpty();
            OptionalParameter.OctetString payload =
                    (OptionalParameter.OctetString) pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            assertThat(new String(payload.getValue(), StandardCharsets.UTF_16BE)).isEqualTo(text);
        }
    }

    @Test
    void redeliversTheSamePduAfterTemporaryErrorsUntilAccepted() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            AtomicInteger calls = new AtomicInteger();
            esme.respondWith(sm -> calls.incrementAndGet() < 3 ? SMPPConstant.STAT_ESME_RX_T_APPN : 0);

            SmscMessage message = smsc.deliverMo("+97695001122", "130092", "123456");

            assertThat(message.result().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(message.attempts()).isEqualTo(3);
            assertThat(esme.received()).hasSize(3);
            DeliverSm first = esme.received().getFirst();
            for (DeliverSm again : esme.received()) {
                assertThat(again.getShortMessage()).isEqualTo(first.getShortMessage());
                assertThat(again.getSourceAddr()).isEqualTo(first.getSourceAddr());
                assertThat(again.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE))
                        .isEqualTo(first.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE));
            }
        }
    }

    @Test
    void stopsOnPermanentError() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            esme.respondWith(sm -> SMPPConstant.STAT_ESME_RX_P_APPN);

            SmscMessage message = smsc.deliverMo("+97680112233", "130092", "123456");

            assertThat(message.result().get(10, TimeUnit.SECONDS)).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
            Thread.sleep(600); // three retry intervals: nothing more may arrive
            assertThat(esme.received()).hasSize(1);
            assertThat(message.state()).isEqualTo(SmscMessage.State.FAILED);
            assertThat(smsc.failedCount()).isEqualTo(1);
        }
    }

    @Test
    void redeliversWhenTheResponseTimesOut() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            AtomicInteger calls = new AtomicInteger();
            esme.respondWith(sm -> {
                if (calls.incrementAndGet() == 1) {
                    sleep(1500); // past the 1 s response timeout
                }
                return 0;
            });

            SmscMessage message = smsc.deliverMo("+97686001234", "130092", "654321");

            assertThat(message.result().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(message.attempts()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void keepsMessagesWhileNoReceiverIsBoundAndDeliversOnBind() throws Exception {
        SmscMessage message = smsc.deliverMo("+97699112233", "130092", "111222");
        Thread.sleep(500);
        assertThat(smsc.pendingCount()).isEqualTo(1);
        assertThat(message.attempts()).isZero();

        try (TestEsme esme = TestEsme.bind(smsc.port(), "khur", "sandbox", BindType.BIND_TX)) {
            Thread.sleep(300); // a transmitter gets no deliver_sm
            assertThat(message.state()).isEqualTo(SmscMessage.State.PENDING);
        }
        try (TestEsme esme = bindReceiver()) {
            assertThat(message.result().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(esme.received()).hasSize(1);
        }
    }

    @Test
    void sendsDeliveryReceiptShapedPdu() throws Exception {
        try (TestEsme esme = bindReceiver()) {
            smsc.deliverReceipt("+97699112233", "130092", "mt-42").result().get(10, TimeUnit.SECONDS);

            DeliverSm pdu = esme.received().getFirst();
            assertThat(pdu.isSmscDeliveryReceipt()).isTrue();
            assertThat(pdu.getShortMessageAsDeliveryReceipt().getId()).isEqualTo("mt-42");
            assertThat(((OptionalParameter.COctetString)
                    pdu.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)).getValueAsString())
                    .isEqualTo("mt-42");
        }
    }

    @Test
    void closeCancelsPendingMessages() {
        SmscMessage message = smsc.deliverMo("+97699112233", "130092", "999999");
        smsc.close();
        assertThatThrownBy(() -> message.result().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CancellationException.class);
        assertThat(message.state()).isEqualTo(SmscMessage.State.CANCELLED);
    }

    @Test
    void rejectsMalformedNumbers() {
        assertThatThrownBy(() -> smsc.deliverMo("not-a-number", "130092", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> smsc.deliverMo("+97699112233", "", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TestEsme bindReceiver() throws IOException, InterruptedException {
        TestEsme esme = TestEsme.bind(smsc.port(), "khur", "sandbox", BindType.BIND_RX);
        assertThat(smsc.awaitBoundReceiver(WAIT)).isTrue();
        return esme;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
