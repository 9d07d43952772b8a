package mn.gov.khur.smsgateway.mt;

import java.nio.charset.StandardCharsets;

/**
 * How an MT's text goes on the air: always UCS-2 (data_coding 0x08, big-endian), because citizens' texts are
 * Cyrillic, which GSM-7 cannot carry. Up to 140 octets (70 characters) in short_message; longer texts in the
 * message_payload TLV (SMPP 3.4 §5.3.2.32) with an empty short_message, and the SMSC segments them.
 */
public record MtEncoding(byte[] shortMessage, byte[] messagePayload) {

    public static final byte DATA_CODING_UCS2 = 0x08;
    static final int MAX_SHORT_MESSAGE_OCTETS = 140;

    public static MtEncoding of(String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_16BE);
        return octets.length <= MAX_SHORT_MESSAGE_OCTETS ? new MtEncoding(octets, null)
                : new MtEncoding(new byte[0], octets);
    }

    public boolean usesPayload() {
        return messagePayload != null;
    }
}
