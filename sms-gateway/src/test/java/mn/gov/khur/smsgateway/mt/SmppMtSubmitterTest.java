package mn.gov.khur.smsgateway.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import mn.gov.khur.sandbox.smsc.SubmittedMessage;
import mn.gov.khur.smsgateway.config.BindMode;
import mn.gov.khur.smsgateway.config.SmscSettings;
import mn.gov.khur.smsgateway.smpp.SmscConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MT over real SMPP on loopback: a transmitter bind to the sandbox SMSC, submit_sm in UCS-2. */
class SmppMtSubmitterTest {

    private static final String NOTICE = "ХУР: 11/24 14:05-д таны бүртгэлээр нэвтэрлээ (Chrome, Windows). "
            + "Та биш бол 130092 руу 0 гэж илгээнэ үү.";

    private SmscSimulator smsc;
    private SmscConnection link;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        smsc.close();
    }

    @Test
    void aNoticeReachesTheSmscAsUcs2OverATransmitterBind() throws Exception {
        SmscSettings operator = settings(BindMode.RECEIVER);
        link = MtLink.extraConnection(operator).orElseThrow();
        assertThat(link.operator()).isEqualTo("sandbox-mt");
        link.start();
        await(link::isBound);

        String smscId = new SmppMtSubmitter(link).submit(new MtMessage("khur-notice-1", "+97699112233", "130092", NOTICE));

        assertThat(smscId).isNotBlank();
        SubmittedMessage received = smsc.submittedTo("+97699112233").getFirst();
        assertThat(received.messageId()).isEqualTo(smscId);
        assertThat(received.from()).isEqualTo("130092");
        assertThat(received.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(received.text()).isEqualTo(NOTICE);
        assertThat(smsc.boundReceiverCount()).as("the MT link never receives MO").isZero();
    }

    @Test
    void aTransceiverBindCarriesMtItselfAndAReceiverBindCannotSubmit() throws Exception {
        assertThat(MtLink.extraConnection(settings(BindMode.TRANSCEIVER))).isEmpty();

        link = new SmscConnection(settings(BindMode.RECEIVER), new TransmitterOnlyListener());
        link.start();
        await(link::isBound);
        assertThatThrownBy(() -> new SmppMtSubmitter(link).submit(new MtMessage("m", "+97699112233", "130092", "0")))
                .isInstanceOf(MtSubmitter.SmscUnavailableException.class);
    }

    @Test
    void noBindMeansUnavailableNotAHang() {
        link = MtLink.extraConnection(settings(BindMode.RECEIVER)).orElseThrow(); // never started
        assertThatThrownBy(() -> new SmppMtSubmitter(link).submit(new MtMessage("m", "+97699112233", "130092", "0")))
                .isInstanceOf(MtSubmitter.SmscUnavailableException.class);
    }

    private SmscSettings settings(BindMode mode) {
        return new SmscSettings("sandbox", "127.0.0.1", smsc.port(), "khur", "sandbox", null, mode, null,
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
