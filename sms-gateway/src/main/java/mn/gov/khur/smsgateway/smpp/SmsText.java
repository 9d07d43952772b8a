package mn.gov.khur.smsgateway.smpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/** Extracts the text of a deliver_sm according to its data_coding, UDH and message_payload. */
public final class SmsText {

    /** What the body's octets are, by SMPP 3.4 §5.2.19 and 3GPP TS 23.038 §4. */
    enum Alphabet { GSM7, ASCII, LATIN1, CYRILLIC, UCS2, BINARY, UNSUPPORTED }

    private static final Charset ISO_8859_5 = Charset.forName("ISO-8859-5");

    private SmsText() {
    }

    /** The text, or empty for binary or unknown codings (nothing a citizen typed). */
    public static Optional<String> decode(DeliverSm sm) {
        return decode(sm.getDataCoding(), body(sm), sm.isUdhi());
    }

    static Optional<String> decode(byte dataCoding, byte[] body, boolean udhi) {
        byte[] octets = udhi ? stripUserDataHeader(body) : body;
        return switch (alphabet(dataCoding)) {
            case GSM7 -> Optional.of(Gsm7.decode(octets));
            case ASCII -> Optional.of(new String(octets, StandardCharsets.US_ASCII));
            case LATIN1 -> Optional.of(new String(octets, StandardCharsets.ISO_8859_1));
            case CYRILLIC -> Optional.of(new String(octets, ISO_8859_5));
            // UCS-2 big-endian; UTF-16BE also accepts surrogate pairs some handsets send.
            case UCS2 -> Optional.of(new String(octets, 0, octets.length & ~1, StandardCharsets.UTF_16BE));
            case BINARY, UNSUPPORTED -> Optional.empty();
        };
    }

    static Alphabet alphabet(byte dataCoding) {
        int dc = dataCoding & 0xFF;
        switch (dc) {
            case 0x00: return Alphabet.GSM7;
            case 0x01: return Alphabet.ASCII;
            case 0x02, 0x04: return Alphabet.BINARY;
            case 0x03: return Alphabet.LATIN1;
            case 0x06: return Alphabet.CYRILLIC;
            case 0x08: return Alphabet.UCS2;
            default: break;
        }
        int group = dc & 0xF0;
        if (group == 0xF0) { // data coding / message class
            return (dc & 0x04) != 0 ? Alphabet.BINARY : Alphabet.GSM7;
        }
        if (group == 0xC0 || group == 0xD0) { // message waiting, GSM-7
            return Alphabet.GSM7;
        }
        if (group == 0xE0) { // message waiting, UCS-2
            return Alphabet.UCS2;
        }
        if ((dc & 0xC0) == 0x00 && (dc & 0x20) == 0) { // general data coding, uncompressed
            return switch ((dc >> 2) & 0x03) {
                case 0 -> Alphabet.GSM7;
                case 1 -> Alphabet.BINARY;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.UNSUPPORTED;
            };
        }
        return Alphabet.UNSUPPORTED;
    }

    /** short_message, or the message_payload TLV when short_message is empty (SMPP 3.4 §5.3.2.32). */
    static byte[] body(DeliverSm sm) {
        byte[] shortMessage = sm.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        if (sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString p) {
            return p.getValue();
        }
        return new byte[0];
    }

    private static byte[] stripUserDataHeader(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        int headerEnd = 1 + (body[0] & 0xFF);
        return headerEnd >= body.length ? new byte[0] : Arrays.copyOfRange(body, headerEnd, body.length);
    }
}
