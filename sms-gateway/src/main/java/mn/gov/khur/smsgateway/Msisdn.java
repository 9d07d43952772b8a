package mn.gov.khur.smsgateway;

import java.util.regex.Pattern;

/** Normalises SMPP source addresses to the contract's MSISDN form and masks them for logs. */
public final class Msisdn {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MONGOLIAN_E164 = Pattern.compile("\\+976\\d{8}");
    private static final int NATIONAL_LENGTH = 8;

    private Msisdn() {
    }

    /**
     * {@code +976XXXXXXXX} when {@code sourceAddr} is 8 national digits or 976-prefixed
     * (with or without "+" / "00"), otherwise the address unchanged: the identity provider
     * decides what it accepts.
     *
     * @param international whether the SMSC sent TON international (8 digits then are not national)
     */
    public static String normalize(String sourceAddr, boolean international) {
        if (sourceAddr == null) {
            return "";
        }
        String s = sourceAddr.strip();
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!DIGITS.matcher(digits).matches()) {
            return s;
        }
        if (digits.startsWith("00976") && digits.length() == 5 + NATIONAL_LENGTH) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith("976") && digits.length() == 3 + NATIONAL_LENGTH) {
            return "+" + digits;
        }
        if (digits.length() == NATIONAL_LENGTH && !international && !s.startsWith("+")) {
            return "+976" + digits;
        }
        return s;
    }

    /** "+976 99****33": enough to correlate log lines, not enough to identify a citizen. */
    public static String mask(String msisdn) {
        if (msisdn == null || msisdn.isEmpty()) {
            return "-";
        }
        if (MONGOLIAN_E164.matcher(msisdn).matches()) {
            return "+976 " + msisdn.substring(4, 6) + "****" + msisdn.substring(10);
        }
        if (msisdn.length() <= 4) {
            return "****";
        }
        return msisdn.substring(0, 2) + "*".repeat(msisdn.length() - 4) + msisdn.substring(msisdn.length() - 2);
    }
}
