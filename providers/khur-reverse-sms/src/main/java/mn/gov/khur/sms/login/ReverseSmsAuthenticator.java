package mn.gov.khur.sms.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.MatchedChallenge;
import mn.gov.khur.sms.challenge.PendingChallenge;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.notice.LoginNotifier;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Second login step: the page shows a fresh 6-digit code; the citizen texts it from the registered
 * phone to the short number; the inbound webhook marks the challenge matched; Continue (or the
 * page's own polling) completes the step. Wrong codes arriving by SMS are counted by the webhook
 * in Keycloak's brute-force protector under this step's {@code otp} category.
 */
public final class ReverseSmsAuthenticator implements Authenticator {

    static final String TEMPLATE = "khur-sms-challenge.ftl";
    static final String AMR_PASSWORD = "pwd";
    private static final Logger LOG = Logger.getLogger(ReverseSmsAuthenticator.class);

    private final Clock clock;
    private final LoginNotifier notifier;

    ReverseSmsAuthenticator(Clock clock, LoginNotifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        MongolianMobileNumber phone = registeredPhone(user);
        context.getEvent().detail(Details.AUTH_METHOD, ReverseSmsAuthenticatorFactory.PROVIDER_ID);
        if (phone == null) {
            context.getEvent().user(user).error(Errors.INVALID_USER);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    context.form().setError("khurSmsNoPhone").createErrorPage(Response.Status.BAD_REQUEST));
            return;
        }
        context.getEvent().detail("khur_phone", phone.masked());
        if (lockedOut(context, user)) {
            return;
        }
        PendingLoginChallenge pending = issue(context, user, phone, 0);
        context.challenge(page(context, pending, phone, false, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        UserModel user = context.getUser();
        MongolianMobileNumber phone = registeredPhone(user);
        PendingLoginChallenge pending = PendingLoginChallenge.read(context.getAuthenticationSession());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        context.getEvent().detail(Details.AUTH_METHOD, ReverseSmsAuthenticatorFactory.PROVIDER_ID);
        if (phone == null || pending == null) {
            // the note can only be missing if the flow was tampered with: start again
            context.resetFlow();
            return;
        }
        context.getEvent().detail("khur_phone", phone.masked());
        if (form.containsKey("cancel")) {
            withdraw(context, pending, phone);
            context.resetFlow();
            return;
        }
        if (lockedOut(context, user)) {
            return;
        }
        ReverseSmsChallenges challenges = new ReverseSmsChallenges(context.getSession());
        var matched = challenges.consumeMatch(pending.challengeId());
        if (matched.isPresent()) {
            complete(context, user, pending, matched.get());
            return;
        }
        if (form.containsKey("resend")) {
            newCode(context, user, phone, pending);
            return;
        }
        Instant now = clock.instant();
        boolean expired = pending.expired(now) || challenges.status(pending.challengeId()) == ChallengeStatus.EXPIRED;
        // Continue before the SMS arrived is not an attack: nothing to count, just keep waiting.
        context.challenge(page(context, pending, phone, expired, expired ? "khurSmsExpired" : "khurSmsNotYetReceived"));
    }

    private void complete(AuthenticationFlowContext context, UserModel user, PendingLoginChallenge pending,
                          MatchedChallenge matched) {
        if (!user.getId().equals(matched.subjectRef()) || matched.purpose() != ChallengePurpose.LOGIN) {
            // a challenge id of another account or flow can never complete this login
            context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
            context.resetFlow();
            return;
        }
        PendingLoginChallenge.clear(context.getAuthenticationSession());
        if (!"true".equals(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED))) {
            user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED, "true");
        }
        AuthenticationMethods.record(context.getAuthenticationSession(), AMR_PASSWORD, "sms", "mfa");
        context.getEvent().detail("khur_sms_wait_ms",
                String.valueOf(Duration.between(pending.issuedAt(), clock.instant()).toMillis()));
        LOG.debugf("Reverse SMS matched for user %s", user.getId());
        notifyPhone(context, user);
        context.success();
    }

    /** The login notice (threat model §1); only the MT is sent later, after this request's commit. */
    private void notifyPhone(AuthenticationFlowContext context, UserModel user) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        MongolianMobileNumber phone = registeredPhone(user);
        if (!config.loginNotice() || !notifier.canSend() || phone == null) {
            return;
        }
        try {
            // Keycloak creates the user session with the root authentication session's id
            notifier.afterLogin(context.getSession(), context.getRealm(), user, phone,
                    context.getAuthenticationSession().getParentSession().getId(), config.shortNumber());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Login notice for %s not prepared; the login goes on", phone.masked());
        }
    }

    private void newCode(AuthenticationFlowContext context, UserModel user, MongolianMobileNumber phone,
                         PendingLoginChallenge old) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        if (old.newCodesUsed() >= config.maxNewCodes()) {
            context.challenge(page(context, old, phone, old.expired(clock.instant()), "khurSmsTooManyNewCodes"));
            return;
        }
        withdraw(context, old, phone);
        PendingLoginChallenge fresh = issue(context, user, phone, old.newCodesUsed() + 1);
        context.challenge(page(context, fresh, phone, false, null));
    }

    private PendingLoginChallenge issue(AuthenticationFlowContext context, UserModel user, MongolianMobileNumber phone,
                                        int newCodesUsed) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        PendingChallenge challenge = new ReverseSmsChallenges(context.getSession()).issue(context.getRealm(), phone.e164(),
                ChallengePurpose.LOGIN, user.getId(), config.codeLifetime());
        PendingLoginChallenge pending = new PendingLoginChallenge(challenge.challengeId(), challenge.code(),
                clock.instant(), challenge.expiresAt(), newCodesUsed);
        pending.write(context.getAuthenticationSession());
        return pending;
    }

    private void withdraw(AuthenticationFlowContext context, PendingLoginChallenge pending, MongolianMobileNumber phone) {
        new ReverseSmsChallenges(context.getSession()).withdraw(context.getRealm(), phone.e164(), pending.code(),
                pending.challengeId());
        PendingLoginChallenge.clear(context.getAuthenticationSession());
    }

    private boolean lockedOut(AuthenticationFlowContext context, UserModel user) {
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError == null) {
            return false;
        }
        context.getEvent().user(user).error(bruteForceError);
        context.forceChallenge(context.form().setError("khurSmsLockedOut").createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    private Response page(AuthenticationFlowContext context, PendingLoginChallenge pending, MongolianMobileNumber phone,
                          boolean expired, String messageKey) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        var form = context.form();
        if (messageKey != null) {
            if (expired) {
                form.addError(new FormMessage(null, messageKey));
            } else {
                form.setInfo(messageKey);
            }
        }
        ReverseSmsPage page = new ReverseSmsPage(pending.code(), config.shortNumber(),
                statusUrl(context.getSession(), context.getRealm(), pending.challengeId()),
                pending.expiresAt().getEpochSecond(), (int) Math.max(1, config.codeLifetime().toMinutes()), expired,
                pending.newCodesUsed() < config.maxNewCodes(), phone.masked(), "login");
        return form.setAttribute("khurSms", page).createForm(TEMPLATE);
    }

    public static String statusUrl(KeycloakSession session, RealmModel realm, String challengeId) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("sms-gateway").path("challenges").path(challengeId).path("status")
                .build().toString();
    }

    private static MongolianMobileNumber registeredPhone(UserModel user) {
        return user == null ? null
                : MongolianMobileNumber.tryParse(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER)).orElse(null);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return registeredPhone(user) != null;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // a citizen without a phone cannot get one here: registration and phone change are their own flows
    }

    @Override
    public void close() {
    }
}
