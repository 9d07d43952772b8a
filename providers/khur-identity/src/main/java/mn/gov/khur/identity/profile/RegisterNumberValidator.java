package mn.gov.khur.identity.profile;

import java.util.List;
import java.util.Objects;

import mn.gov.khur.common.regnum.InvalidRegisterNumberException;
import mn.gov.khur.common.regnum.RegisterNumber;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator for {@code register_number}: a valid register number in canonical form,
 * unique in the realm, and equal to the username (the username is the lower-case register
 * number, so operators find citizens by it).
 */
public final class RegisterNumberValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "khur-register-number";
    static final String NOT_CANONICAL = "khurRegnumNotCanonical";
    static final String TAKEN = "khurRegnumTaken";
    static final String USERNAME_MISMATCH = "khurRegnumUsernameMismatch";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        RegisterNumber registerNumber;
        try {
            registerNumber = RegisterNumber.parse(value);
        } catch (InvalidRegisterNumberException e) {
            context.addError(new ValidationError(ID, inputHint, e.error().messageKey()));
            return;
        }
        if (!registerNumber.value().equals(value)) {
            context.addError(new ValidationError(ID, inputHint, NOT_CANONICAL, registerNumber.value()));
            return;
        }
        if (!(context instanceof UserProfileAttributeValidationContext)) {
            return;
        }
        AttributeContext attributeContext = UserProfileAttributeValidationContext.from(context).getAttributeContext();
        checkUsername(registerNumber, attributeContext, inputHint, context);
        checkUnique(registerNumber, attributeContext, inputHint, context);
    }

    private void checkUsername(RegisterNumber registerNumber, AttributeContext attributeContext, String inputHint,
                               ValidationContext context) {
        String username = attributeContext.getAttributes().getFirst(UserModel.USERNAME);
        if (username != null && !username.isBlank() && !registerNumber.username().equals(username.trim().toLowerCase(java.util.Locale.ROOT))) {
            context.addError(new ValidationError(ID, inputHint, USERNAME_MISMATCH));
        }
    }

    private void checkUnique(RegisterNumber registerNumber, AttributeContext attributeContext, String inputHint,
                             ValidationContext context) {
        KeycloakSession session = attributeContext.getSession();
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            return;
        }
        UserModel self = attributeContext.getUser();
        boolean takenByOther = session.users()
                .searchForUserByUserAttributeStream(realm, CitizenAttributes.REGISTER_NUMBER, registerNumber.value())
                .anyMatch(other -> self == null || !Objects.equals(other.getId(), self.getId()));
        if (takenByOther) {
            context.addError(new ValidationError(ID, inputHint, TAKEN));
        }
    }

    @Override
    public String getHelpText() {
        return "Register number (регистрийн дугаар): two Mongolian Cyrillic letters and 8 digits, canonical upper case, "
                + "unique in the realm and equal to the username.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
