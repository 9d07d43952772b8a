package mn.gov.khur.registry.retry;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import mn.gov.khur.registry.account.RegistryAttributes;

import org.keycloak.models.UserModel;

/**
 * The persistent state of an account whose registry data is still to come, in user attributes (so it survives
 * restarts and is the same on every node): {@code pending} waits for its next attempt (back-off), the retry task
 * turns it into {@code awaiting_citizen} once the registry answers again (the citizen approves at the next login),
 * {@code failed} after the last attempt, {@code not_found} and {@code refused} need an operator. No state = nothing
 * to do.
 */
public final class RegistryRefresh {

    /** Required action that asks the citizen's approval at the next login. */
    public static final String REQUIRED_ACTION = "khur-registry-names";

    public enum State {
        PENDING, AWAITING_CITIZEN, FAILED, NOT_FOUND, REFUSED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<State> parse(String value) {
            for (State state : values()) {
                if (state.value().equals(value)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    private RegistryRefresh() {
    }

    public static Optional<State> state(UserModel user) {
        return State.parse(user.getFirstAttribute(RegistryAttributes.STATE));
    }

    public static int attempts(UserModel user) {
        try {
            return Integer.parseInt(Optional.ofNullable(user.getFirstAttribute(RegistryAttributes.ATTEMPTS)).orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static Optional<Instant> nextAttempt(UserModel user) {
        try {
            return Optional.ofNullable(user.getFirstAttribute(RegistryAttributes.NEXT_ATTEMPT)).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.of(Instant.EPOCH); // unreadable: due now rather than never
        }
    }

    /** One more attempt failed ({@code outcome}: unavailable, consent_refused, skipped): wait, or give up. */
    public static void attemptFailed(UserModel user, String outcome, Instant now, RetrySettings settings) {
        int attempt = attempts(user) + 1;
        user.setSingleAttribute(RegistryAttributes.ATTEMPTS, Integer.toString(attempt));
        user.setSingleAttribute(RegistryAttributes.LAST_OUTCOME, outcome);
        user.removeRequiredAction(REQUIRED_ACTION);
        if (attempt >= settings.maxAttempts()) {
            user.setSingleAttribute(RegistryAttributes.STATE, State.FAILED.value());
            user.removeAttribute(RegistryAttributes.NEXT_ATTEMPT);
            return;
        }
        user.setSingleAttribute(RegistryAttributes.STATE, State.PENDING.value());
        user.setSingleAttribute(RegistryAttributes.NEXT_ATTEMPT, now.plus(settings.waitBefore(attempt)).toString());
    }

    /** The registry answers again, or an operator asked: the citizen's next login asks for the approval. */
    public static void awaitCitizen(UserModel user, String outcome) {
        user.setSingleAttribute(RegistryAttributes.STATE, State.AWAITING_CITIZEN.value());
        user.setSingleAttribute(RegistryAttributes.LAST_OUTCOME, outcome);
        user.removeAttribute(RegistryAttributes.NEXT_ATTEMPT);
        user.addRequiredAction(REQUIRED_ACTION);
    }

    /** An answer that retrying would not change (not found, another register number): left to operators. */
    public static void settle(UserModel user, State state, String outcome) {
        user.setSingleAttribute(RegistryAttributes.STATE, state.value());
        user.setSingleAttribute(RegistryAttributes.LAST_OUTCOME, outcome);
        user.removeAttribute(RegistryAttributes.NEXT_ATTEMPT);
        user.removeRequiredAction(REQUIRED_ACTION);
    }

    /** The data arrived: nothing left to do. */
    public static void clear(UserModel user) {
        user.removeAttribute(RegistryAttributes.STATE);
        user.removeAttribute(RegistryAttributes.ATTEMPTS);
        user.removeAttribute(RegistryAttributes.NEXT_ATTEMPT);
        user.removeAttribute(RegistryAttributes.LAST_OUTCOME);
        user.removeRequiredAction(REQUIRED_ACTION);
    }
}
