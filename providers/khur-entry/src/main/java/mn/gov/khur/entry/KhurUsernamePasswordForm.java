package mn.gov.khur.entry;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.PhoneChangeEntry;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.identity.throttle.Admission;
import mn.gov.khur.passkey.login.PasskeyLogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;

/**
 * Keycloak's register number + password form, plus the "Утасны дугаар солих" link: the page gets the
 * attribute {@code khurChangePhoneUrl} (login.ftl renders {@code #khur-change-phone}); following it marks
 * the tab for the phone-change sub-flow and lets the flow move on without a user (the sub-flow never
 * logs anyone in; the reverse-SMS login step after it requires a user and is never reached).
 * The page also lists the digital-signature methods this request may use (attribute {@code khurEsignMethods});
 * pressing one ({@code method=token|sim|cloud}) hands over to {@link SignatureFromEntryPage}.
 * A passkey ("Passkey-ээр нэвтрэх" or the browser's autofill) is handled by {@link PasskeyLogin}.
 * Before Keycloak checks a password, {@link NetworkPasswordThrottle} spends one of the network's wrong-password slots
 * for that account (issue 13: one network must not lock a citizen out). A temporarily locked account's right password
 * is told the lock ({@link LockedAccountCheck}, issue 21 item 3). Everything else, including brute-force counting, is
 * Keycloak's.
 */
final class KhurUsernamePasswordForm extends UsernamePasswordForm {

    static final String ATTRIBUTE = "khurChangePhoneUrl";

    /** Whether this request holds the account's password check of the lock period ({@link LockedAccountCheck}). */
    private boolean lockCheckHeld;

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
        if (formData.containsKey("cancel")) {
            super.action(context);
            return;
        }
        passwordAttempt(context, formData);
    }

    /**
     * The password check behind the network's budget (issue 13) and, from the realm's failure factor on, behind the
     * account's one check per lock period (issue 21.3): a spent budget or check is answered before the password is
     * checked; an attempt keeps its slots only if Keycloak's step failed it as a wrong name or password (the outcome
     * the brute-force protector counts), and gives them back otherwise (success, the lock told, a lock answered).
     */
    private void passwordAttempt(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        // keyed by the register number as Keycloak will read it: "уб 9911 2233" and "УБ99112233" share one budget
        String typed = LoginRegisterNumber.normalised(formData).getFirst(AuthenticationManager.FORM_USERNAME);
        Optional<UserModel> user = NetworkPasswordThrottle.user(context, typed);
        Admission network = NetworkPasswordThrottle.admit(context, typed, user);
        if (network.refused()) {
            return;
        }
        Admission lockCheck = user.map(u -> LockedAccountCheck.admit(context, u)).orElseGet(Admission.Unlimited::new);
        if (lockCheck.refused()) {
            network.settle(false);
            lockedWithoutCheck(context, typed, user.get());
            return;
        }
        lockCheckHeld = lockCheck instanceof Admission.Admitted;
        boolean failed = false;
        try {
            super.action(context);
            failed = context.getStatus() == FlowStatus.FAILURE_CHALLENGE;
        } finally {
            lockCheckHeld = false;
            network.settle(failed);
            lockCheck.settle(failed);
        }
    }

    /**
     * Keycloak's lock check, called before it checks the password. With the lock period's check held, a temporarily
     * locked account's password is checked here: the right one is told the lock, a wrong one fails like any wrong
     * password. Without it, Keycloak's own answer: its "locked" text is the "wrong register number or password" one.
     */
    @Override
    protected boolean isDisabledByBruteForce(AuthenticationFlowContext context, UserModel user) {
        if (lockCheckHeld) {
            Optional<Duration> lock = LockedAccountCheck.lockedFor(context, user);
            if (lock.isPresent()) {
                checkPasswordOfLockedAccount(context, user, lock.get());
                return true;
            }
        }
        return super.isDisabledByBruteForce(context, user);
    }

    private void checkPasswordOfLockedAccount(AuthenticationFlowContext context, UserModel user, Duration lock) {
        String password = context.getHttpRequest().getDecodedFormParameters().getFirst(CredentialRepresentation.PASSWORD);
        var event = context.getEvent().detail(Details.AUTH_METHOD, KhurUsernamePasswordFormFactory.PROVIDER_ID).user(user);
        if (password != null && !password.isEmpty() && user.credentialManager().isValid(UserCredentialModel.password(password))) {
            event.detail(KhurEvents.REASON, LockedAccountCheck.REASON_LOCKED).error(Errors.USER_TEMPORARILY_DISABLED);
            context.form().setAttribute(LockedAccountCheck.ATTRIBUTE, LockedAccountCheck.minutes(lock));
            context.forceChallenge(challenge(context, null, null));
            return;
        }
        // answered and counted exactly as Keycloak answers a wrong password of an account that is not locked
        event.detail(KhurEvents.REASON, LockedAccountCheck.REASON_WRONG_PASSWORD).error(Errors.INVALID_USER_CREDENTIALS);
        AuthenticatorUtils.setupReauthenticationInUsernamePasswordFormError(context);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                challenge(context, getDefaultChallengeMessage(context), Validation.FIELD_PASSWORD));
        if (!isUserAlreadySetBeforeUsernamePasswordAuth(context)) {
            context.clearUser(); // Keycloak counts the failure against the name typed (ATTEMPTED_USERNAME), as it does
        }
    }

    /** The lock period's check is spent: Keycloak's answer to a locked account, the password unchecked and uncounted. */
    private void lockedWithoutCheck(AuthenticationFlowContext context, String typed, UserModel user) {
        var event = context.getEvent().detail(Details.AUTH_METHOD, KhurUsernamePasswordFormFactory.PROVIDER_ID)
                .detail(KhurEvents.REASON, LockedAccountCheck.REASON_CHECK_SPENT).user(user);
        if (typed != null) {
            event.detail(Details.USERNAME, typed.strip());
        }
        event.error(Errors.USER_TEMPORARILY_DISABLED);
        context.forceChallenge(challenge(context, disabledByBruteForceError(Errors.USER_TEMPORARILY_DISABLED),
                disabledByBruteForceFieldError()));
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
