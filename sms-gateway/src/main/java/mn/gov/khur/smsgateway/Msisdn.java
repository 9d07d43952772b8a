package mn.gov.khur.smsgateway;

import java.util.Optional;
import java.util.regex.Pattern;
import mn.gov.khur.common.phone.MongolianMobileNumber;

/** Reads SMPP source addresses with their type of number, and masks numbers for logs. */
public final class Msisdn {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final Pattern MONGOLIAN_E164 = Pattern.compile("\\+976\\d{8}");
    private static final int NATIONAL_LENGTH = 8;
    private static final String COUNTRY_CODE = "976";
    // SMPP 3.4 §5.2.5 / §5.2.6
    private static final byte TON_UNKNOWN = 0;
    private static final byte TON_INTERNATIONAL = 1;
    private static final byte TON_NATIONAL = 2;
    private static final byte NPI_UNKNOWN = 0;
    private static final byte NPI_ISDN = 1;

    private Msisdn() {
    }

    /**
     * The E.164 number the operator gave in a deliver_sm, if it is a Mongolian mobile; empty for any other sender.
     * The digits are read as the SMSC's type of number says: TON international digits carry their country code (so
     * the Falklands' {@code +500 51234}, digits {@code 50051234}, stays foreign instead of becoming the national
     * {@code +976 50051234}); TON national digits are the 8 national digits; TON unknown is read by shape
     * ({@code +…}/{@code 00…} international, {@code 976} + 8 digits, or 8 national digits). Numbering plans other than
     * ISDN/E.164 (or unknown) and the other types of number (alphanumeric, abbreviated, network-specific, subscriber)
     * are not a citizen's MSISDN.
     */
    public static Optional<String> mongolianMobile(String sourceAddr, byte ton, byte npi) {
        if (sourceAddr == null || (npi != NPI_UNKNOWN && npi != NPI_ISDN)) {
            return Optional.empty();
        }
        String address = sourceAddr.strip();
        Optional<String> e164 = switch (ton) {
            case TON_INTERNATIONAL -> international(address.startsWith("+") ? address.substring(1) : address);
            case TON_NATIONAL -> national(address);
            case TON_UNKNOWN -> unknownType(address);
            default -> Optional.empty();
        };
        return e164.filter(number -> number.startsWith("+" + COUNTRY_CODE))
                .flatMap(MongolianMobileNumber::tryParse)
                .map(MongolianMobileNumber::e164);
    }

    private static Optional<String> unknownType(String address) {
        if (address.startsWith("+")) {
            return international(address.substring(1));
        }
        if (address.startsWith("00")) {
            return international(address.substring(2));
        }
        if (address.length() == COUNTRY_CODE.length() + NATIONAL_LENGTH && address.startsWith(COUNTRY_CODE)) {
            return international(address);
        }
        return national(address);
    }

    private static Optional<String> international(String digits) {
        return DIGITS.matcher(digits).matches() ? Optional.of("+" + digits) : Optional.empty();
    }

    private static Optional<String> national(String digits) {
        return digits.length() == NATIONAL_LENGTH && DIGITS.matcher(digits).matches()
                ? Optional.of("+" + COUNTRY_CODE + digits) : Optional.empty();
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
