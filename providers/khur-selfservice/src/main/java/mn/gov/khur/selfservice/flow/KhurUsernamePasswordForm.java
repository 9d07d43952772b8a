package mn.gov.khur.selfservice.flow;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's register number + password form, plus the "Утасны дугаар солих" link: the page gets the
 * attribute {@code khurChangePhoneUrl} (login.ftl renders {@code #khur-change-phone}); following it marks
 * the tab for the phone-change sub-flow and lets the flow move on without a user (the sub-flow never
 * logs anyone in; the reverse-SMS login step after it requires a user and is never reached).
 * Everything else, including brute-force counting, is Keycloak's.
 */
final class KhurUsernamePasswordForm extends UsernamePasswordForm {

    static final String ATTRIBUTE = "khurChangePhoneUrl";

    KhurUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (PhoneChangeEntry.requested(context)) {
            PhoneChangeEntry.start(context.getAuthenticationSession());
            context.success();
            return;
        }
        context.form().setAttribute(ATTRIBUTE, PhoneChangeEntry.link(context).toString());
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.form().setAttribute(ATTRIBUTE, PhoneChangeEntry.link(context).toString());
        super.action(context);
    }
}
