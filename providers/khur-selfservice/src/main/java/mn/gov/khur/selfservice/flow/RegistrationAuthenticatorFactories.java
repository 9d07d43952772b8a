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
                    "Creates the account after the reverse SMS from the new phone matched.",
                    RegistrationCompletion::new);
        }
    }
}
