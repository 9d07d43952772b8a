package mn.gov.khur.selfservice.flow;

/** The steps of the phone-change sub-flow "khur phone change" (inside "khur substantial"). */
public final class PhoneChangeAuthenticatorFactories {

    private PhoneChangeAuthenticatorFactories() {
    }

    /** {@code khur-phone-change-request}: register number + new phone + captcha, ownership check. */
    public static final class Request extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-phone-change-request";

        public Request() {
            super(PROVIDER_ID, "ХУР phone change: register number + new phone + captcha",
                    "First page of the phone-number change; the new phone must be registered in the citizen's own name; "
                            + "unknown register numbers walk the same pages.",
                    () -> new PhoneChangeRequestForm(SelfServiceSettings.fromEnvironment()));
        }
    }

    /** {@code khur-phone-change-complete}: replaces the phone after the SMS from the new phone matched. */
    public static final class Complete extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-phone-change-complete";

        public Complete() {
            super(PROVIDER_ID, "ХУР phone change: apply",
                    "Replaces phone_number (verified) after the reverse SMS from the new phone matched; emits UPDATE_PROFILE.",
                    PhoneChangeCompletion::new);
        }
    }
}
