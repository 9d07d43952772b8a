package mn.gov.khur.passkey.login;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.throttle.Admission;
import mn.gov.khur.identity.throttle.ClientNetwork;
import mn.gov.khur.identity.throttle.FailuresPerNetwork;
import mn.gov.khur.identity.throttle.NetworkFailureBudget;

import org.jboss.logging.Logger;
import org.keycloak.WebAuthnConstants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.browser.WebAuthnConditionalUIAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Base64Url;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.messages.Messages;

/**
 * The passkey path of the entry page: "Passkey-ээр нэвтрэх" or the browser's passkey autofill on the
 * register-number field post a WebAuthn assertion to the same form step as the password. Keycloak's own
 * {@link WebAuthnConditionalUIAuthenticator} verifies it (signature, challenge, origin, RP id, the user
 * verification flag the realm's passwordless policy requires, the credential belonging to the user named by
 * the user handle); around it this class adds what a citizen login needs and Keycloak does not do there:
 * <ul>
 *   <li>user verification must be required by the realm policy, or no passkey logs anyone in (fail closed);</li>
 *   <li>a failed assertion counts in the brute-force protector against the account it claimed (Keycloak's own
 *       passkey failure counts only a user already typed in this tab), without showing that account's
 *       register number on the page;</li>
 *   <li>before anything is verified, the assertion spends a slot of the per-network failure budget of the account
 *       it claims, the one the password and signature steps spend (issue 13), kept only if the assertion fails:
 *       one network cannot lock a citizen out with forged assertions (the user handle is the account id, which
 *       sites see as {@code sub});</li>
 *   <li>a temporarily locked account (wrong passwords) still logs in with its valid passkey, as with a bank or a
 *       signature: the lock guards the guessable secrets (password, SMS code), and a passkey cannot be guessed;
 *       a disabled account is refused by Keycloak;</li>
 *   <li>a cancelled browser prompt is a refusal with an event, not a failed login;</li>
 *   <li>success records amr {@code passkey hwk mfa} for this login only. The realm flow's conditional-credential
 *       step then skips the reverse SMS, and the level condition of "khur substantial" gives exactly
 *       {@code substantial}: this form is never part of the "khur high" subflow.</li>
 * </ul>
 */
public final class PasskeyLogin {

    /** {@code auth_method} of the login event and of every refusal. */
    public static final String AUTH_METHOD = "khur-passkey";
    /** RFC 8176: a hardware-bound key, used with user verification (the second factor in one gesture). */
    public static final String[] AMR = {"passkey", "hwk", "mfa"};
    /** Shown for every refused assertion and for a locked-out account alike, so the page tells nothing apart. */
    static final String NOT_ACCEPTED = Messages.WEBAUTHN_ERROR_USER_NOT_FOUND;
    static final String CANCELLED = "khurPasskeyCancelled";
    /** This network spent the claimed account's failure budget: "wait {0} minutes" (both theme languages). */
    static final String THROTTLED = "khurPasskeyNetworkThrottled";
    static final String NETWORK_THROTTLED = "network_throttled";
    private static final Logger LOG = Logger.getLogger(PasskeyLogin.class);

    private PasskeyLogin() {
    }

    /** True when the entry page's form carries a passkey assertion, or the browser's refusal to give one. */
    public static boolean posted(MultivaluedMap<String, String> formData) {
        return formData.containsKey(WebAuthnConstants.AUTHENTICATOR_DATA) || formData.containsKey(WebAuthnConstants.ERROR);
    }

    /**
     * Handles a passkey post of the entry form.
     *
     * @param keycloakPasskeys the form's own conditional-UI authenticator (Keycloak's verification)
     */
    public static void action(AuthenticationFlowContext context, WebAuthnConditionalUIAuthenticator keycloakPasskeys) {
        EventBuilder event = context.getEvent().detail(Details.AUTH_METHOD, AUTH_METHOD);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (keycloakPasskeys == null || !keycloakPasskeys.isPasskeysEnabled()) {
            event.detail(KhurEvents.REASON, "passkeys_off").error(Errors.NOT_ALLOWED);
            refuse(context, keycloakPasskeys, NOT_ACCEPTED, false);
            return;
        }
        if (!Constants.WEBAUTHN_POLICY_OPTION_REQUIRED.equals(
                context.getRealm().getWebAuthnPolicyPasswordless().getUserVerificationRequirement())) {
            // without user verification a passkey is one factor: it must never give "substantial"
            LOG.warn("Passkey refused: the realm's passwordless policy does not require user verification");
            event.detail(KhurEvents.REASON, "user_verification_not_required").error(Errors.NOT_ALLOWED);
            refuse(context, keycloakPasskeys, NOT_ACCEPTED, false);
            return;
        }
        String browserError = form.getFirst(WebAuthnConstants.ERROR);
        if (browserError != null && !browserError.isBlank()) {
            // the citizen closed the browser's prompt (or the browser could not ask): nothing was tried
            event.detail(KhurEvents.REASON, "passkey_cancelled").error(Errors.NOT_ALLOWED);
            refuse(context, keycloakPasskeys, CANCELLED, false);
            return;
        }
        // a register number typed earlier in this tab is not who this passkey claims to be
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        boolean identifiedBefore = context.getUser() != null;
        Optional<UserModel> claimed = identifiedBefore ? Optional.empty() : claimedAccount(context, form);
        Admission budget = new Admission.Unlimited();
        if (claimed.isPresent()) {
            event.user(claimed.get()); // a refusal is filed under the account the passkey claimed
            FailuresPerNetwork limit = FailuresPerNetwork.ofRealm(context.getRealm());
            budget = new NetworkFailureBudget(context.getSession().singleUseObjects(), limit).admit(context.getRealm().getId(),
                    ClientNetwork.of(context.getConnection().getRemoteAddr()),
                    NetworkFailureBudget.account(claimed.get(), null).orElseThrow());
            if (budget.refused()) {
                event.detail(KhurEvents.REASON, NETWORK_THROTTLED).error(Errors.SLOW_DOWN);
                refuse(context, keycloakPasskeys, THROTTLED, true, String.valueOf(Math.max(1, limit.window().toMinutes())));
                return;
            }
        }
        event.detail(KhurEvents.REASON, "passkey_not_verified"); // stays only if Keycloak refuses the assertion
        boolean failed = true;
        try {
            keycloakPasskeys.action(context);
            if (context.getStatus() == FlowStatus.SUCCESS) {
                failed = false;
                event.removeDetail(KhurEvents.REASON);
                AuthenticationMethods.replace(context.getAuthenticationSession(), AMR);
                return;
            }
            if (claimed.isPresent()) {
                // Keycloak counts only an account this tab had already identified; the one the passkey named counts too
                context.getProtector().failedLogin(context.getRealm(), claimed.get(), context.getConnection(),
                        context.getUriInfo(), Set.of(PasswordCredentialModel.TYPE));
            }
        } finally {
            budget.settle(failed);
        }
    }

    /** The account named by the assertion's user handle (Keycloak's user id, as Keycloak registered it). */
    private static Optional<UserModel> claimedAccount(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String userHandle = form.getFirst(WebAuthnConstants.USER_HANDLE);
        if (userHandle == null || userHandle.isBlank()) {
            return Optional.empty();
        }
        try {
            String userId = new String(Base64Url.decode(userHandle), StandardCharsets.UTF_8);
            return Optional.ofNullable(context.getSession().users().getUserById(context.getRealm(), userId));
        } catch (RuntimeException e) {
            return Optional.empty(); // not base64url: Keycloak's verification refuses it with its own event
        }
    }

    /** The entry page again with a fresh challenge and the message; a cancel or refusal here is never a success. */
    private static void refuse(AuthenticationFlowContext context, WebAuthnConditionalUIAuthenticator keycloakPasskeys,
                               String messageKey, boolean force, Object... messageParameters) {
        if (keycloakPasskeys != null && keycloakPasskeys.isPasskeysEnabled()) {
            keycloakPasskeys.fillContextForm(context);
        }
        AuthenticatorUtils.setupReauthenticationInUsernamePasswordFormError(context);
        var page = context.form().setError(messageKey, messageParameters).createLoginUsernamePassword();
        if (force) {
            context.forceChallenge(page);
        } else {
            context.challenge(page);
        }
    }
}
