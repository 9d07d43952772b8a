package mn.gov.khur.common.regnum;

import java.util.Objects;

/**
 * The input is not a valid register number. The exception message is the message key
 * only: the rejected input is personal data and must not end up in logs.
 */
public final class InvalidRegisterNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final RegisterNumberError error;

    public InvalidRegisterNumberException(RegisterNumberError error) {
        super(Objects.requireNonNull(error, "error").messageKey());
        this.error = error;
    }

    public RegisterNumberError error() {
        return error;
    }

    /** Shortcut for {@code error().messageKey()}. */
    public String messageKey() {
        return error.messageKey();
    }
}
