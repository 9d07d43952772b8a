package mn.gov.khur.sandbox.smsc;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * GSM 03.38 default alphabet encoder, one septet per octet (unpacked), as SMPP carries
 * data_coding 0 on the wire. The decoder lives in the gateway: this module only plays the SMSC.
 */
final class Gsm7 {
    static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private Gsm7() {
    }

    /** The septets for {@code text}, or empty when a character is outside the GSM-7 alphabet. */
    static Optional<byte[]> encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int ext = EXTENSION_CHARS.indexOf(c);
            if (ext < 0) {
                return Optional.empty();
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[ext]);
        }
        return Optional.of(out.toByteArray());
    }

    /** The text of unpacked septets; escape sequences of the extension table are resolved. */
    static String decodeUnpacked(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                int ext = -1;
                for (int e = 0; e < EXTENSION_CODES.length; e++) {
                    if (EXTENSION_CODES[e] == next) {
                        ext = e;
                    }
                }
                text.append(ext >= 0 ? EXTENSION_CHARS.charAt(ext) : ' ');
                continue;
            }
            text.append(BASIC.charAt(code));
        }
        return text.toString();
    }
}
