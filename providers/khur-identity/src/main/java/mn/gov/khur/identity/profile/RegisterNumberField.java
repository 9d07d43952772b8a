package mn.gov.khur.identity.profile;

import java.util.Locale;
import java.util.Optional;

import mn.gov.khur.common.regnum.InvalidRegisterNumberException;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.common.regnum.RegisterNumberError;
import mn.gov.khur.identity.events.KhurEvents;

import org.keycloak.events.EventBuilder;

/**
 * The register-number field of every citizen form (login, registration, recovery, phone change, signature
 * pages): one normalisation ({@link RegisterNumber#parse}: surrounding and inner spaces, either case) and one
 * set of answers. Latin letters ({@code UB99112233}) are told as such ("use Cyrillic letters") and are never
 * mapped to Cyrillic.
 */
public final class RegisterNumberField {

    /** Event error and {@code khur_reason} of every refusal of a malformed register number. */
    public static final String EVENT_ERROR = KhurEvents.INVALID_REGISTER_NUMBER;
    /** Event detail naming the precise reason, e.g. {@code latin_letters}. */
    public static final String EVENT_DETAIL = KhurEvents.REGISTER_NUMBER_ERROR;

    private RegisterNumberField() {
    }

    /** Why {@code typed} is not a register number; empty when it is one. */
    public static Optional<RegisterNumberError> problem(String typed) {
        try {
            RegisterNumber.parse(typed);
            return Optional.empty();
        } catch (InvalidRegisterNumberException e) {
            return Optional.of(e.error());
        }
    }

    /**
     * Records the refusal of a malformed {@code typed} value on the event (error and {@code khur_reason}
     * {@value #EVENT_ERROR}, the precise reason in {@value #EVENT_DETAIL}; never the typed value) and returns the
     * field's message key: the precise reason ({@code khurRegnumLatin}, {@code khurRegnumLength}, ...).
     */
    public static String refuse(EventBuilder event, String typed) {
        RegisterNumberError error = problem(typed).orElse(RegisterNumberError.LETTERS);
        event.detail(KhurEvents.REASON, EVENT_ERROR).detail(EVENT_DETAIL, error.name().toLowerCase(Locale.ROOT)).error(EVENT_ERROR);
        return error.messageKey();
    }

    /**
     * The field message for a page that keeps its own general wording ({@code otherwise}) but must still say
     * "use Cyrillic letters" when that is the problem.
     */
    public static String messageKey(String typed, String otherwise) {
        return problem(typed).filter(RegisterNumberError.LATIN_LETTERS::equals).map(RegisterNumberError::messageKey)
                .orElse(otherwise);
    }
}
