package mn.gov.khur.common.phone;

import java.util.Objects;

/**
 * The input is not an acceptable Mongolian mobile number. The exception message is the
 * message key only: the rejected input is personal data and must not end up in logs.
 */
public final class InvalidPhoneNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PhoneNumberError error;

    public InvalidPhoneNumberException(PhoneNumberError error) {
        super(Objects.requireNonNull(error, "error").messageKey());
        this.error = error;
    }

    public PhoneNumberError error() {
        return error;
    }

    /** Shortcut for {@code error().messageKey()}. */
    public String messageKey() {
        return error.messageKey();
    }
}
