package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-recovery-request}: register number + captcha (first step of "khur reset credentials"). */
public final class RecoveryRequestFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-recovery-request";

    public RecoveryRequestFormFactory() {
        super(PROVIDER_ID, "ХУР password recovery: register number + captcha",
                "First page of password recovery by reverse SMS; unknown register numbers walk the same pages.",
                () -> new RecoveryRequestForm(SelfServiceSettings.fromEnvironment()));
    }
}
