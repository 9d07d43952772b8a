package mn.gov.khur.common.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Mongolian mobile number (MSISDN), the only kind that can send the reverse SMS.
 * Accepted input: {@code +97699112233}, {@code 97699112233} or the national
 * {@code 99112233}, optionally with spaces, dashes or parentheses. Which ranges are mobile
 * is libphonenumber's knowledge (region MN), so new operator ranges arrive with library
 * updates rather than code changes.
 */
public final class MongolianMobileNumber {

    private static final String REGION = "MN";
    private static final String COUNTRY_CODE = "976";
    private static final int NATIONAL_LENGTH = 8;
    /** Longer raw input is rejected before any work is done on it. */
    private static final int MAX_RAW_LENGTH = 32;

    /** Separators people type or paste; anything else (letters, dots, "ext") is rejected. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F()\\-]");
    /** ASCII digits only: libphonenumber alone would also accept full-width or Arabic-Indic digits and trailing text. */
    private static final Pattern DIGITS_WITH_OPTIONAL_PLUS = Pattern.compile("\\+?[0-9]+");

    private static final PhoneNumberUtil PHONE_UTIL = PhoneNumberUtil.getInstance();

    private final String national;

    private MongolianMobileNumber(String national) {
        this.national = national;
    }

    /** @throws InvalidPhoneNumberException with the precise reason */
    public static MongolianMobileNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidPhoneNumberException(PhoneNumberError.EMPTY);
        }
        if (input.length() > MAX_RAW_LENGTH) {
            throw new InvalidPhoneNumberException(PhoneNumberError.INVALID);
        }
        String compact = SEPARATORS.matcher(input).replaceAll("");
        if (compact.isEmpty()) {
            throw new InvalidPhoneNumberException(PhoneNumberError.EMPTY);
        }
        if (!DIGITS_WITH_OPTIONAL_PLUS.matcher(compact).matches()) {
            throw new InvalidPhoneNumberException(PhoneNumberError.INVALID);
        }
        String national = nationalDigits(compact);
        PhoneNumber number = parseWithLibrary("+" + COUNTRY_CODE + national);
        if (!PHONE_UTIL.isValidNumber(number)) {
            throw new InvalidPhoneNumberException(PhoneNumberError.INVALID);
        }
        if (!REGION.equals(PHONE_UTIL.getRegionCodeForNumber(number)) || !isMobile(PHONE_UTIL.getNumberType(number))) {
            throw new InvalidPhoneNumberException(PhoneNumberError.NOT_MONGOLIAN_MOBILE);
        }
        return new MongolianMobileNumber(national);
    }

    /** Like {@link #parse(String)} but empty instead of an exception. */
    public static Optional<MongolianMobileNumber> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    /**
     * The 8 national digits of the accepted forms. Any other shape is either a foreign
     * number (a real one is reported as "not Mongolian mobile", so the citizen knows why)
     * or garbage.
     */
    private static String nationalDigits(String compact) {
        boolean international = compact.startsWith("+");
        String digits = international ? compact.substring(1) : compact;
        if (!international && digits.length() == NATIONAL_LENGTH) {
            return digits;
        }
        if (digits.length() == COUNTRY_CODE.length() + NATIONAL_LENGTH && digits.startsWith(COUNTRY_CODE)) {
            return digits.substring(COUNTRY_CODE.length());
        }
        if (international && PHONE_UTIL.isValidNumber(parseWithLibrary(compact))) {
            throw new InvalidPhoneNumberException(PhoneNumberError.NOT_MONGOLIAN_MOBILE);
        }
        throw new InvalidPhoneNumberException(PhoneNumberError.INVALID);
    }

    private static PhoneNumber parseWithLibrary(String e164Candidate) {
        try {
            return PHONE_UTIL.parse(e164Candidate, REGION);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(PhoneNumberError.INVALID);
        }
    }

    // FIXED_LINE_OR_MOBILE: libphonenumber's answer when a range is shared; such a number can still receive SMS.
    private static boolean isMobile(PhoneNumberType type) {
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    /** E.164, e.g. {@code +97699112233}: the form stored in the {@code phone_number} attribute. */
    public String e164() {
        return "+" + COUNTRY_CODE + national;
    }

    /** The 8 national digits, e.g. {@code 99112233}. */
    public String national() {
        return national;
    }

    /** Safe for logs and for showing "we sent it to ..." hints, e.g. {@code +976 99****33}. */
    public String masked() {
        return "+" + COUNTRY_CODE + " " + national.substring(0, 2) + "****" + national.substring(NATIONAL_LENGTH - 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MongolianMobileNumber that && national.equals(that.national);
    }

    @Override
    public int hashCode() {
        return national.hashCode();
    }

    /** The masked form, so an accidental log line leaks nothing; use {@link #e164()} to store or send. */
    @Override
    public String toString() {
        return masked();
    }
}
