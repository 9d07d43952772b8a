package mn.gov.khur.selfservice.flow;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.identity.profile.RegisterNumberField;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Нууц үг сэргээх", page 1: register number + captcha. A known, enabled account with a phone gets
 * a challenge for its registered phone; anything else a decoy that walks the same pages and never
 * matches. The page never names the phone, for either. That the stored phone is still the citizen's
 * (not lapsed, not given to someone else) is asked after its SMS ({@link ProvenPhoneGuard}).
 */
final class RecoveryRequestForm extends SelfServiceForm {

    static final String REGISTER_NUMBER = "registerNumber";

    RecoveryRequestForm(SelfServiceSettings settings) {
        super(settings);
    }

    @Override
    String template() {
        return "khur-recovery.ftl";
    }

    @Override
    List<String> keptFields() {
        return List.of(REGISTER_NUMBER);
    }

    @Override
    String flowName() {
        return "password-reset";
    }

    @Override
    Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        Optional<RegisterNumber> registerNumber = RegisterNumber.tryParse(form.getFirst(REGISTER_NUMBER));
        if (registerNumber.isEmpty()) {
            return page(context, form, new FormMessage(REGISTER_NUMBER,
                    RegisterNumberField.refuse(context.getEvent(), form.getFirst(REGISTER_NUMBER))));
        }
        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), registerNumber.get().username());
        Optional<MongolianMobileNumber> phone = user == null || !user.isEnabled() ? Optional.empty()
                : MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER));
        SmsTarget target = phone.isPresent()
                ? new SmsTarget(ChallengePurpose.PASSWORD_RESET, phone.get(), user.getId(), null)
                : new SmsTarget(ChallengePurpose.PASSWORD_RESET, SelfServiceTarget.decoyPhone(),
                        SelfServiceTarget.decoySubject(), null);
        SelfServiceTarget.write(context.getAuthenticationSession(), target, registerNumber.get());
        context.success();
        return null;
    }
}
