package mn.gov.khur.selfservice.flow;


import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/**
 * "Бүртгүүлэх", page 1: register number, phone, password twice, captcha. Checks (after the captcha):
 * formats → password policy, nothing else: every valid form gets the reverse-SMS page for the typed phone,
 * whoever owns that phone and whether or not the register number is registered, so this page tells nobody
 * either. Whose the phone is ({@link ProvenPhoneGuard}) and whether the account exists
 * ({@link RegistrationCompletion}) are answered only after the SMS from that phone. Nothing is created here:
 * the pending registration (password only as the realm's hash) waits in this tab's notes.
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
            context.getEvent().detail(KhurEvents.REASON, KhurEvents.REASON_PASSWORD_POLICY).error(KhurEvents.INVALID_PASSWORD);
            return page(context, form, passwordProblem);
        }
        PendingRegistration.write(context, registerNumber, form.getFirst(Passwords.NEW));
        SelfServiceTarget.write(context.getAuthenticationSession(), new SmsTarget(ChallengePurpose.REGISTRATION,
                phone, "registration:" + SelfServiceTarget.randomToken(), phone.masked()), registerNumber);
        context.success();
        return null;
    }
}
