package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-registration-done}: the done page after the account and the registry's names. */
public final class RegistrationDoneFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-registration-done";

    public RegistrationDoneFactory() {
        super(PROVIDER_ID, "ХУР registration: done page",
                "Last step of registration by phone: tells the citizen the account exists (and whether the names came "
                        + "from the state registry); the citizen then logs in.",
                RegistrationDone::new);
    }
}
