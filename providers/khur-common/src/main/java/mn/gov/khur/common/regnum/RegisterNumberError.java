package mn.gov.khur.common.regnum;

/**
 * Why a register number was rejected. Each value carries the message key the login
 * theme translates, so the citizen learns exactly which part of the input is wrong.
 */
public enum RegisterNumberError {
    /** Nothing but whitespace was entered. */
    EMPTY("khurRegnumEmpty"),
    /** A Latin letter where the two Mongolian Cyrillic letters belong (e.g. {@code UB99112233}). */
    LATIN_LETTERS("khurRegnumLatin"),
    /** Not exactly 2 letters + 8 digits once spaces are removed. */
    LENGTH("khurRegnumLength"),
    /** The first two characters are not letters of the Mongolian Cyrillic alphabet. */
    LETTERS("khurRegnumLetters"),
    /** The last eight characters are not all the digits 0-9. */
    DIGITS("khurRegnumDigits"),
    /** The first six digits are not a real birth date, or the date is in the future. */
    DATE("khurRegnumDate");

    private final String messageKey;

    RegisterNumberError(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Key of the localised message in the theme's message bundles. */
    public String messageKey() {
        return messageKey;
    }
}
