package mn.gov.khur.selfservice.flow;

/** The steps of the reset-credentials flow "khur reset credentials". */
public final class RecoveryAuthenticatorFactories {

    private RecoveryAuthenticatorFactories() {
    }

    /** {@code khur-recovery-request}: register number + captcha. */
    public static final class Request extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-recovery-request";

        public Request() {
            super(PROVIDER_ID, "ХУР password recovery: register number + captcha",
                    "First page of password recovery by reverse SMS; unknown register numbers walk the same pages.",
                    () -> new RecoveryRequestForm(SelfServiceSettings.fromEnvironment()));
        }
    }

    /** {@code khur-recovery-new-password}: new password twice, after the SMS matched. */
    public static final class NewPassword extends SelfServiceAuthenticatorFactory {
        public static final String PROVIDER_ID = "khur-recovery-new-password";

        public NewPassword() {
            super(PROVIDER_ID, "ХУР password recovery: new password",
                    "Sets the new password after the reverse SMS matched, signs out all sessions of the user.",
                    NewPasswordForm::new);
        }
    }
}
