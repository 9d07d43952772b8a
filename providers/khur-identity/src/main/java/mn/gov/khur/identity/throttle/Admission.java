package mn.gov.khur.identity.throttle;

/** What a login attempt holds from a budget while its secret is checked. */
public sealed interface Admission {

    /** No budget applies (turned off, or no account named): the attempt goes on uncounted. */
    record Unlimited() implements Admission {
    }

    /** One slot of the budget, kept if the attempt fails. */
    record Admitted(NetworkFailureBudget.Claim claim) implements Admission {
    }

    /** The budget is spent: the attempt must be answered without checking anything. */
    record Refused() implements Admission {
    }

    default boolean refused() {
        return this instanceof Refused;
    }

    /** After the check: the slot stays spent only if the attempt {@code failed} (the outcome Keycloak counts). */
    default void settle(boolean failed) {
        if (!failed && this instanceof Admitted admitted) {
            admitted.claim().giveBack();
        }
    }
}
