package mn.gov.khur.bank;

import java.util.Collection;
import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;

/**
 * Normalises the register number a bank sent in its ID token. A bank is trusted for whose
 * register number it asserts, not for how it formats it: case, spaces and Unicode composition are
 * normalised by {@link RegisterNumber}; anything that is not exactly one valid number is refused.
 */
public final class RegisterNumberClaim {

    private RegisterNumberClaim() {
    }

    /** The outcome of reading one claim value: a valid number, or why there is none. */
    public record Outcome(Optional<RegisterNumber> registerNumber, RegisterNumberProblem problem) {

        static Outcome valid(RegisterNumber registerNumber) {
            return new Outcome(Optional.of(registerNumber), RegisterNumberProblem.NONE);
        }

        static Outcome refused(RegisterNumberProblem problem) {
            return new Outcome(Optional.empty(), problem);
        }

        public boolean isValid() {
            return registerNumber.isPresent();
        }
    }

    /** @param claimValue the raw claim: a string, a one-element array, or anything a bank might send */
    public static Outcome read(Object claimValue) {
        Object value = claimValue;
        if (value instanceof Collection<?> values) {
            if (values.isEmpty()) {
                return Outcome.refused(RegisterNumberProblem.MISSING);
            }
            if (values.size() > 1) {
                // two numbers for one person: we cannot know which one the bank verified
                return Outcome.refused(RegisterNumberProblem.INVALID);
            }
            value = values.iterator().next();
        }
        if (value == null) {
            return Outcome.refused(RegisterNumberProblem.MISSING);
        }
        if (!(value instanceof String text)) {
            return Outcome.refused(RegisterNumberProblem.INVALID);
        }
        if (text.isBlank()) {
            return Outcome.refused(RegisterNumberProblem.MISSING);
        }
        return RegisterNumber.tryParse(text).map(Outcome::valid)
                .orElseGet(() -> Outcome.refused(RegisterNumberProblem.INVALID));
    }
}
