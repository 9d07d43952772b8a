package mn.gov.khur.common.phone;

/** Why a phone number was rejected; each value carries the theme's message key. */
public enum PhoneNumberError {
    /** Nothing but whitespace was entered. */
    EMPTY("khurPhoneEmpty"),
    /** Not a phone number at all: wrong characters, wrong length, unassigned range. */
    INVALID("khurPhoneInvalid"),
    /** A real number, but a landline, VoIP or foreign one: reverse SMS needs a Mongolian mobile. */
    NOT_MONGOLIAN_MOBILE("khurPhoneNotMongolianMobile");

    private final String messageKey;

    PhoneNumberError(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Key of the localised message in the theme's message bundles. */
    public String messageKey() {
        return messageKey;
    }
}
