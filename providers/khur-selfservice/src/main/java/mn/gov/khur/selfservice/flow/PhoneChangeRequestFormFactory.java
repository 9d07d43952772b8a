package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-phone-change-request}: register number + new phone + captcha (first step of "khur phone change"). */
public final class PhoneChangeRequestFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-phone-change-request";

    public PhoneChangeRequestFormFactory() {
        super(PROVIDER_ID, "ХУР phone change: register number + new phone + captcha",
                "First page of the phone-number change; the new phone must be registered in the citizen's own name; "
                        + "unknown register numbers walk the same pages.",
                () -> new PhoneChangeRequestForm(SelfServiceSettings.fromEnvironment()));
    }
}
