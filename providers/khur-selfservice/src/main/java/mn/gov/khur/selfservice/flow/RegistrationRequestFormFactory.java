package mn.gov.khur.selfservice.flow;

import mn.gov.khur.identity.flow.StepFactory;

/** {@code khur-registration-request}: register number, phone, password twice, captcha (first step of "khur registration"). */
public final class RegistrationRequestFormFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-registration-request";

    public RegistrationRequestFormFactory() {
        super(PROVIDER_ID, "ХУР registration: form + captcha + phone ownership",
                "First page of registration by phone; the phone must be registered in the citizen's own name.",
                () -> new RegistrationRequestForm(SelfServiceSettings.fromEnvironment()));
    }
}
