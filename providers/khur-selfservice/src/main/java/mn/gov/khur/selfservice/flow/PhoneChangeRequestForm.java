package mn.gov.khur.selfservice.flow;


import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;

/**
 * "Утасны дугаар солих", page 1: register number + new phone + captcha. After the captcha: formats, nothing
 * else → a challenge that only an SMS <em>from the new phone</em> completes. Whether the new phone is in the
 * citizen's own name is asked after that SMS ({@link ProvenPhoneGuard}), so this page answers alike whoever
 * owns the phone. An unknown register number (or disabled account) gets a decoy that shows the same page
 * (the typed number, masked) and never matches.
 */
final class PhoneChangeRequestForm extends PhoneRequestForm {

    PhoneChangeRequestForm(SelfServiceSettings settings) {
        super(settings);
    }

    @Override
    String template() {
        return "khur-change-phone.ftl";
    }

    @Override
    String flowName() {
        return "phone-change";
    }

    @Override
    Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                       RegisterNumber registerNumber, MongolianMobileNumber phone) {
        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), registerNumber.username());
        String shown = phone.masked();
        SmsTarget target = user != null && user.isEnabled()
                ? new SmsTarget(ChallengePurpose.PHONE_CHANGE, phone, user.getId(), shown)
                : new SmsTarget(ChallengePurpose.PHONE_CHANGE, SelfServiceTarget.decoyPhone(),
                        SelfServiceTarget.decoySubject(), shown);
        SelfServiceTarget.write(context.getAuthenticationSession(), target, registerNumber);
        context.success();
        return null;
    }
}
