package mn.gov.khur.selfservice.flow;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.esign.flow.SignatureFromEntryPage;
import mn.gov.khur.identity.flow.SameOriginPost;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;

/**
 * Keycloak's register number + password form, plus the "Утасны дугаар солих" link: the page gets the
 * attribute {@code khurChangePhoneUrl} (login.ftl renders {@code #khur-change-phone}); following it marks
 * the tab for the phone-change sub-flow and lets the flow move on without a user (the sub-flow never
 * logs anyone in; the reverse-SMS login step after it requires a user and is never reached).
 * The page also lists the digital-signature methods this request may use (attribute {@code khurEsignMethods});
 * pressing one ({@code method=token|sim|cloud}) hands over to {@link SignatureFromEntryPage}.
 * Before Keycloak checks a password, {@link NetworkPasswordThrottle} spends one of the network's wrong-password slots
 * for that account (issue 13: one network must not lock a citizen out). Everything else, including brute-force
 * counting, is Keycloak's.
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
        if (SameOriginPost.refused(context)) {
            return; // a login form posted from another site (login CSRF): nothing is checked or counted
        }
        addPageAttributes(context);
        var formData = context.getHttpRequest().getDecodedFormParameters();
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
        if (formData.containsKey("cancel")) {
            super.action(context);
            return;
        }
        passwordAttempt(context, formData);
    }

    /**
     * The password check behind the network's budget (issue 13): a spent budget is answered before the password is
     * checked; an attempt keeps its slot only if Keycloak's step failed it as a wrong name or password (the outcome
     * the brute-force protector counts), and gives it back otherwise (success, or a lock Keycloak answered).
     */
    private void passwordAttempt(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        // keyed by the register number as Keycloak will read it: "уб 9911 2233" and "УБ99112233" share one budget
        NetworkPasswordThrottle.Admission admission = NetworkPasswordThrottle.admit(context, LoginRegisterNumber.normalised(formData));
        if (admission instanceof NetworkPasswordThrottle.Admission.Refused) {
            return;
        }
        boolean failed = false;
        try {
            super.action(context);
            failed = context.getStatus() == FlowStatus.FAILURE_CHALLENGE;
        } finally {
            if (!failed && admission instanceof NetworkPasswordThrottle.Admission.Admitted admitted) {
                admitted.claim().giveBack();
            }
        }
    }

    /** The register number read like on every form ({@link LoginRegisterNumber}); then Keycloak's own checks. */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        Optional<String> refusal = LoginRegisterNumber.refusal(context, formData);
        if (refusal.isPresent()) {
            context.challenge(challenge(context, refusal.get(), Validation.FIELD_USERNAME));
            return false;
        }
        return super.validateForm(context, LoginRegisterNumber.normalised(formData));
    }

    private static void addPageAttributes(AuthenticationFlowContext context) {
        context.form().setAttribute(ATTRIBUTE, PhoneChangeEntry.link(context).toString());
        context.form().setAttribute(SignatureFromEntryPage.TEMPLATE_ATTRIBUTE, SignatureFromEntryPage.offered(context));
    }
}
