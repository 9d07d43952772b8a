package mn.gov.khur.selfservice.flow;


import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/**
 * "Бүртгүүлэх", page 1: register number, phone, password twice, captcha. Checks (after the captcha):
 * formats → password policy → not yet registered → phone registered in the citizen's own name. Nothing
 * is created here: the pending registration (password only as the realm's hash) waits in this tab's
 * notes for the reverse SMS from that phone.
 */
final class RegistrationRequestForm extends PhoneRequestForm {

    RegistrationRequestForm(SelfServiceSettings settings) {
        super(settings);
    }

    @Override
    String template() {
        return "khur-register.ftl";
    }

    @Override
    String flowName() {
        return "registration";
    }

    @Override
    Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                       RegisterNumber registerNumber, MongolianMobileNumber phone) {
        FormMessage passwordProblem = Passwords.problem(context, registerNumber.username(),
                form.getFirst(Passwords.NEW), form.getFirst(Passwords.CONFIRM));
        if (passwordProblem != null) {
            context.getEvent().detail("khur_reason", "password_policy").error("invalid_password");
            return page(context, form, passwordProblem);
        }
        if (context.getSession().users().getUserByUsername(context.getRealm(), registerNumber.username()) != null) {
            context.getEvent().detail("khur_reason", "already_registered").error("username_in_use");
            return page(context, form, new FormMessage(REGISTER_NUMBER, "khurRegisterAlreadyRegistered"));
        }
        FormMessage ownership = PhoneOwnershipCheck.problem(context, phone, registerNumber, PHONE);
        if (ownership != null) {
            return page(context, form, ownership);
        }
        PendingRegistration.write(context, registerNumber, form.getFirst(Passwords.NEW));
        SelfServiceTarget.write(context.getAuthenticationSession(), new SmsTarget(ChallengePurpose.REGISTRATION,
                phone, "registration:" + SelfServiceTarget.randomToken(), phone.masked()));
        context.success();
        return null;
    }
}
