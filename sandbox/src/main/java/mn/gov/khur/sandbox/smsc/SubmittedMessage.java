package mn.gov.khur.sandbox.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A submit_sm (mobile-terminated SMS) an ESME bound as transmitter/transceiver sent to the
 * simulator, kept so tests can assert what would have reached a handset.
 *
 * @param shortMessage the body: short_message, or the message_payload TLV when short_message is empty
 */
public record SubmittedMessage(String messageId, String from, String to, byte dataCoding, byte[] shortMessage,
                               Instant receivedAt) {

    /** What the handset would show: UCS-2 (0x08), Latin-1 (0x03), else the octets as GSM-7 (unpacked) / ASCII. */
    public String text() {
        return switch (dataCoding & 0xFF) {
            case 0x08 -> new String(shortMessage, StandardCharsets.UTF_16BE);
            case 0x03 -> new String(shortMessage, StandardCharsets.ISO_8859_1);
            default -> Gsm7.decodeUnpacked(shortMessage);
        };
    }

    /** The destination as +976XXXXXXXX when it is a Mongolian number in any usual form, else as sent. */
    public String toE164() {
        String digits = to == null ? "" : to.replaceFirst("^\\+", "");
        if (digits.matches("976[0-9]{8}")) {
            return "+" + digits;
        }
        return digits.matches("[0-9]{8}") ? "+976" + digits : to;
    }
}
