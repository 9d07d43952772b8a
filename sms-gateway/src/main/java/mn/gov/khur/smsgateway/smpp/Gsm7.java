package mn.gov.khur.smsgateway.smpp;

/**
 * GSM 03.38 default alphabet with its extension table, one septet per octet (unpacked), which
 * is how SMPP carries data_coding 0.
 */
final class Gsm7 {

    static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u00A0ÆæßÉ" // 0x1B is the escape; NBSP stands for a lone escape
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";
    private static final int ESCAPE = 0x1B;

    private Gsm7() {
    }

    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                text.append('\uFFFD'); // not a septet: the SMSC mislabelled the coding
            } else if (septet == ESCAPE && i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0x7F));
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    /** 3GPP TS 23.038 §6.2.1.1; an undefined escape shows the basic character, as handsets do. */
    private static char extension(int septet) {
        return switch (septet) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> BASIC.charAt(septet);
        };
    }
}
