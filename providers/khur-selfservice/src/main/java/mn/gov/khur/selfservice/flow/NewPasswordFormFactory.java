package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-recovery-new-password}: new password twice, after the SMS matched. */
public final class NewPasswordFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-recovery-new-password";

    public NewPasswordFormFactory() {
        super(PROVIDER_ID, "ХУР password recovery: new password",
                "Sets the new password after the reverse SMS matched, signs out all sessions of the user.",
                NewPasswordForm::new);
    }
}
