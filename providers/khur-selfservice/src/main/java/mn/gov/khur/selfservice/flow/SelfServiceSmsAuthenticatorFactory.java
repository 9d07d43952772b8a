package mn.gov.khur.selfservice.flow;

import java.util.List;

import mn.gov.khur.identity.flow.StepFactory;
import mn.gov.khur.sms.login.ReverseSmsConfigProperties;

import org.keycloak.provider.ProviderConfigProperty;

/** {@code khur-selfservice-sms}: the reverse-SMS step of registration, recovery and phone change. */
public final class SelfServiceSmsAuthenticatorFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-selfservice-sms";

    public SelfServiceSmsAuthenticatorFactory() {
        super(PROVIDER_ID, "ХУР self-service reverse SMS",
                "Shows a 6-digit code that must be texted from the phone chosen by the flow's first page "
                        + "(registered phone for recovery, new phone for registration and phone change).",
                SelfServiceSmsAuthenticator::new);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ReverseSmsConfigProperties.PROPERTIES;
    }
}
