package mn.gov.khur.common.privacy;

import java.util.Optional;
import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.InvalidRegisterNumberException;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.common.regnum.RegisterNumberError;

/**
 * Log-safe renderings of personal identifiers. Every method accepts any string, never
 * throws, and never echoes non-digit input characters, so a crafted value cannot forge
 * log lines (CR/LF) or smuggle markup into them.
 */
public final class Masking {

    /** Rendering of a missing (null or blank) value. */
    public static final String NONE = "(none)";
    /** Rendering of input that is not even shaped like the identifier. */
    public static final String UNRECOGNISED = "***";

    private static final int MIN_MSISDN_DIGITS = 8;
    private static final int MAX_MSISDN_DIGITS = 15; // E.164 maximum
    private static final int VISIBLE_TAIL = 2;

    private Masking() {
    }

    /**
     * A phone number in any form: a Mongolian mobile becomes {@code +976 99****33}; any
     * other number-like input keeps only its last two digits ({@code +*********89});
     * anything else becomes {@value #UNRECOGNISED}.
     */
    public static String maskMsisdn(String anyForm) {
        if (anyForm == null || anyForm.isBlank()) {
            return NONE;
        }
        Optional<MongolianMobileNumber> mobile = tryMobile(anyForm);
        if (mobile.isPresent()) {
            return mobile.get().masked();
        }
        String digits = asciiDigits(anyForm);
        if (digits.length() < MIN_MSISDN_DIGITS || digits.length() > MAX_MSISDN_DIGITS) {
            return UNRECOGNISED;
        }
        String prefix = anyForm.strip().startsWith("+") ? "+" : "";
        return prefix + "*".repeat(digits.length() - VISIBLE_TAIL) + digits.substring(digits.length() - VISIBLE_TAIL);
    }

    /**
     * A register number: {@code УБ******33}, also for numbers that are well-shaped but
     * invalid (e.g. a wrong date). Anything else becomes {@value #UNRECOGNISED}, because a
     * citizen may have typed a password into the username field.
     */
    public static String maskRegisterNumber(String registerNumber) {
        if (registerNumber == null || registerNumber.isBlank()) {
            return NONE;
        }
        if (!isRegisterNumberShaped(registerNumber)) {
            return UNRECOGNISED;
        }
        String canonical = RegisterNumber.normalize(registerNumber);
        return canonical.substring(0, 2) + "******" + canonical.substring(8);
    }

    // Letters and digits in place; only the date may be wrong (that is the last check parse makes).
    private static boolean isRegisterNumberShaped(String input) {
        try {
            RegisterNumber.parse(input);
            return true;
        } catch (InvalidRegisterNumberException e) {
            return e.error() == RegisterNumberError.DATE;
        } catch (RuntimeException unexpected) {
            return false; // a log helper must never break the request it is logging
        }
    }

    private static Optional<MongolianMobileNumber> tryMobile(String input) {
        try {
            return MongolianMobileNumber.tryParse(input);
        } catch (RuntimeException unexpected) {
            return Optional.empty(); // a log helper must never break the request it is logging
        }
    }

    private static String asciiDigits(String s) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length() && digits.length() <= MAX_MSISDN_DIGITS; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
