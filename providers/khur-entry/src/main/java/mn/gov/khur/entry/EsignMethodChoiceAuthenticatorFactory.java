package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.esign.flow.EsignMethodChoiceConfig;
import mn.gov.khur.identity.flow.StepFactory;

import org.keycloak.provider.ProviderConfigProperty;

/** Registers the signature-method choice page. Picking a method is not a credential check: nothing to count. */
public final class EsignMethodChoiceAuthenticatorFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-esign-method-choice";

    public EsignMethodChoiceAuthenticatorFactory() {
        super(PROVIDER_ID, "ХУР digital-signature method choice (тоон гарын үсгийн арга сонгох)",
                "Lets the citizen choose a digital-signature login method (token, SIM, cloud). "
                        + "Тоон гарын үсгээр нэвтрэх аргыг сонгуулна.",
                EsignMethodChoiceAuthenticator::new);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EsignMethodChoiceConfig.PROPERTIES;
    }
}
