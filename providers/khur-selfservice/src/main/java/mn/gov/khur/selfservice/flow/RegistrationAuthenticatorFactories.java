package mn.gov.khur.selfservice.flow;

/** The steps of the registration flow "khur registration". */
public final class RegistrationAuthenticatorFactories {

    private RegistrationAuthenticatorFactories() {
    }

    /** {@code khur-registration-request}: register number, phone, password twice, captcha, ownership check. */
    public static final class Request extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-registration-request";

        public Request() {
            super(PROVIDER_ID, "ХУР registration: form + captcha + phone ownership",
                    "First page of registration by phone; the phone must be registered in the citizen's own name.",
                    () -> new RegistrationRequestForm(SelfServiceSettings.fromEnvironment()));
        }
    }

    /** {@code khur-registration-complete}: creates the account once the SMS matched. */
    public static final class Complete extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-registration-complete";

        public Complete() {
            super(PROVIDER_ID, "ХУР registration: create the account",
                    "Creates the account after the reverse SMS from the new phone matched; the registry step and the done page follow.",
                    RegistrationCompletion::new);
        }
    }

    /** {@code khur-registration-done}: the done page after the account and the registry's names. */
    public static final class Done extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-registration-done";

        public Done() {
            super(PROVIDER_ID, "ХУР registration: done page",
                    "Last step of registration by phone: tells the citizen the account exists (and whether the names came "
                            + "from the state registry); the citizen then logs in.",
                    RegistrationDone::new);
        }
    }
}
