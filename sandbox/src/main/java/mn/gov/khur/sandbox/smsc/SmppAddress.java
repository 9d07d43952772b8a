package mn.gov.khur.sandbox.smsc;

import java.util.regex.Pattern;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/** An SMPP address triple (TON, NPI, digits). */
record SmppAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String digits) {

    private static final Pattern DIGITS = Pattern.compile("\\d{3,20}");
    private static final int MONGOLIAN_NATIONAL_LENGTH = 8;

    /**
     * A subscriber number as a handset's home SMSC reports it: "+976…" becomes TON international
     * without the plus, 8 national digits become TON national, anything else TON unknown.
     */
    static SmppAddress msisdn(String number) {
        String n = requireNumber(number, "from");
        if (n.startsWith("+")) {
            return new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    requireDigits(n.substring(1), "from"));
        }
        requireDigits(n, "from");
        TypeOfNumber ton = n.length() == MONGOLIAN_NATIONAL_LENGTH ? TypeOfNumber.NATIONAL : TypeOfNumber.UNKNOWN;
        return new SmppAddress(ton, NumberingPlanIndicator.ISDN, n);
    }

    /** A short number such as 130092. */
    static SmppAddress shortNumber(String number) {
        return new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN,
                requireDigits(requireNumber(number, "to"), "to"));
    }

    private static String requireNumber(String number, String field) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return number.strip();
    }

    private static String requireDigits(String digits, String field) {
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException(field + " must be 3..20 digits, optionally after '+'");
        }
        return digits;
    }
}
