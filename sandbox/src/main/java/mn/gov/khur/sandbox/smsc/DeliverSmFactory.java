package mn.gov.khur.sandbox.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;

/** Builds the deliver_sm content an SMSC sends for an MO SMS or a delivery receipt. */
final class DeliverSmFactory {

    static final byte DATA_CODING_GSM7 = 0x00;
    static final byte DATA_CODING_UCS2 = 0x08;
    /** short_message holds at most 254 octets; longer bodies travel in message_payload. */
    static final int SHORT_MESSAGE_MAX = 254;
    static final int TEXT_MAX_CHARS = 1000;

    private static final DateTimeFormatter RECEIPT_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    private DeliverSmFactory() {
    }

    /** @param userMessageReference the handset's TP-MR, when the SMSC passes it on */
    static DeliverSmContent mobileOriginated(String from, String to, String text, Optional<Short> userMessageReference) {
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > TEXT_MAX_CHARS) {
            throw new IllegalArgumentException("text longer than " + TEXT_MAX_CHARS + " characters");
        }
        Optional<byte[]> gsm = Gsm7.encode(text);
        byte dataCoding = gsm.isPresent() ? DATA_CODING_GSM7 : DATA_CODING_UCS2;
        byte[] body = gsm.orElseGet(() -> text.getBytes(StandardCharsets.UTF_16BE));
        // user_message_reference is the handset's TP-MR: the same on every redelivery.
        List<OptionalParameter> tlvs = new ArrayList<>();
        userMessageReference.ifPresent(reference -> tlvs.add(new OptionalParameter.User_message_reference(reference)));
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.DEFAULT);
        if (body.length <= SHORT_MESSAGE_MAX) {
            return new DeliverSmContent(SmppAddress.msisdn(from), SmppAddress.shortNumber(to), esm,
                    dataCoding, body, tlvs.toArray(OptionalParameter[]::new));
        }
        tlvs.add(new OptionalParameter.Message_payload(body));
        return new DeliverSmContent(SmppAddress.msisdn(from), SmppAddress.shortNumber(to), esm, dataCoding,
                new byte[0], tlvs.toArray(OptionalParameter[]::new));
    }

    /**
     * A receipt in the de-facto format of SMPP 3.4 Appendix B, for an MT previously sent to
     * {@code handset}; {@code esmeAddress} is the ESME's own address (e.g. the short number).
     */
    static DeliverSmContent deliveryReceipt(String handset, String esmeAddress, String receiptedMessageId,
                                            Instant submitted, Instant done) {
        if (receiptedMessageId == null || receiptedMessageId.isBlank() || receiptedMessageId.length() > 64) {
            throw new IllegalArgumentException("receiptedMessageId must have 1..64 characters");
        }
        String body = "id:" + receiptedMessageId + " sub:001 dlvrd:001 submit date:" + RECEIPT_DATE.format(submitted)
                + " done date:" + RECEIPT_DATE.format(done) + " stat:DELIVRD err:000 text:";
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT);
        OptionalParameter[] tlvs = {
            new OptionalParameter.Receipted_message_id(receiptedMessageId),
            new OptionalParameter.Message_state((byte) 2), // DELIVERED
        };
        return new DeliverSmContent(SmppAddress.msisdn(handset), SmppAddress.shortNumber(esmeAddress), esm,
                DATA_CODING_GSM7, body.getBytes(StandardCharsets.US_ASCII), tlvs);
    }
}
