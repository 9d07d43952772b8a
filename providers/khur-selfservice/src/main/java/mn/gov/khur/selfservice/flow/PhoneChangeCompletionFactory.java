package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-phone-change-complete}: replaces the phone after the SMS from the new phone matched. */
public final class PhoneChangeCompletionFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-phone-change-complete";

    public PhoneChangeCompletionFactory() {
        super(PROVIDER_ID, "ХУР phone change: apply",
                "Replaces phone_number (verified) after the reverse SMS from the new phone matched; emits UPDATE_PROFILE.",
                PhoneChangeCompletion::new);
    }
}
