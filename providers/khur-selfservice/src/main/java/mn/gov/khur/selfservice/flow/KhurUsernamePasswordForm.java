package mn.gov.khur.selfservice.flow;

import mn.gov.khur.esign.flow.SignatureFromEntryPage;
import mn.gov.khur.passkey.login.PasskeyLogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;

/**
 * Keycloak's register number + password form, plus the "Утасны дугаар солих" link: the page gets the
 * attribute {@code khurChangePhoneUrl} (login.ftl renders {@code #khur-change-phone}); following it marks
 * the tab for the phone-change sub-flow and lets the flow move on without a user (the sub-flow never
 * logs anyone in; the reverse-SMS login step after it requires a user and is never reached).
 * The page also lists the digital-signature methods this request may use (attribute {@code khurEsignMethods});
 * pressing one ({@code method=token|sim|cloud}) hands over to {@link SignatureFromEntryPage}.
 * A passkey ("Passkey-ээр нэвтрэх" or the browser's autofill) is handled by {@link PasskeyLogin}.
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
        addPageAttributes(context);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        addPageAttributes(context);
        var formData = context.getHttpRequest().getDecodedFormParameters();
        if (PasskeyLogin.posted(formData)) {
            PasskeyLogin.action(context, webauthnAuth);
            return;
        }
        if (formData.containsKey(SignatureFromEntryPage.FORM_FIELD)) {
            var method = SignatureFromEntryPage.picked(context, formData.getFirst(SignatureFromEntryPage.FORM_FIELD));
            if (method.isPresent()) {
                SignatureFromEntryPage.start(context, method.get());
            } else {
                // a method this request may not use (or a forged value): the same page, not an error page
                context.form().addError(new FormMessage(null, "khurEsignChooseMethod"));
                context.challenge(context.form().createLoginUsernamePassword());
            }
            return;
        }
        super.action(context);
    }

    private static void addPageAttributes(AuthenticationFlowContext context) {
        context.form().setAttribute(ATTRIBUTE, PhoneChangeEntry.link(context).toString());
        context.form().setAttribute(SignatureFromEntryPage.TEMPLATE_ATTRIBUTE, SignatureFromEntryPage.offered(context));
    }
}
