package mn.gov.khur.identity.profile;

import java.util.List;

import mn.gov.khur.common.phone.InvalidPhoneNumberException;
import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/** User-profile validator for {@code phone_number}: a Mongolian mobile number stored in E.164. */
public final class MongolianMobileValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "khur-mongolian-mobile";
    static final String NOT_E164 = "khurPhoneNotE164";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        try {
            MongolianMobileNumber number = MongolianMobileNumber.parse(value);
            if (!number.e164().equals(value)) {
                context.addError(new ValidationError(ID, inputHint, NOT_E164, number.e164()));
            }
        } catch (InvalidPhoneNumberException e) {
            context.addError(new ValidationError(ID, inputHint, e.error().messageKey()));
        }
    }

    @Override
    public String getHelpText() {
        return "Mongolian mobile number in E.164 form, e.g. +97699112233 (Монгол гар утасны дугаар).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
