package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-registration-complete}: creates the account once the SMS matched. */
public final class RegistrationCompletionFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-registration-complete";

    public RegistrationCompletionFactory() {
        super(PROVIDER_ID, "ХУР registration: create the account",
                "Creates the account after the reverse SMS from the new phone matched; the registry step and the done page follow.",
                RegistrationCompletion::new);
    }
}
