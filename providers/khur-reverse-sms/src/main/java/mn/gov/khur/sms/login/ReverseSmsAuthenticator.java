package mn.gov.khur.sms.login;

import java.time.Clock;
import java.time.Duration;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.SameOriginPost;
import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.MatchedChallenge;
import mn.gov.khur.sms.notice.LoginNotifier;
import mn.gov.khur.sms.step.ReverseSmsStep;
import mn.gov.khur.sms.step.SmsTarget;
import mn.gov.khur.sms.step.StepResult;

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

/**
 * Second login step: the page shows a 6-digit code; the citizen texts it from the registered phone to the
 * short number; the inbound webhook marks the challenge matched; Continue (or the page's own polling)
 * completes the step. The page is {@link ReverseSmsStep}'s, like every reverse-SMS page: a reload or a second
 * tab of the same login keeps the code (contract §3). Wrong codes arriving by SMS are counted by the webhook
 * in Keycloak's brute-force protector under this step's {@code otp} category.
 */
public final class ReverseSmsAuthenticator implements Authenticator {

    static final String TEMPLATE = "khur-sms-challenge.ftl";
    static final String AMR_PASSWORD = "pwd";
    private static final Logger LOG = Logger.getLogger(ReverseSmsAuthenticator.class);

    private final Clock clock;
    private final LoginNotifier notifier;
    private final ReverseSmsStep step;

    ReverseSmsAuthenticator(Clock clock, LoginNotifier notifier) {
        this.clock = clock;
        this.notifier = notifier;
        this.step = new ReverseSmsStep(clock);
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
        context.getEvent().detail(KhurEvents.PHONE, phone.masked());
        if (lockedOut(context, user)) {
            return;
        }
        // a reload or a second tab of this login: the same code, or on at once if its SMS already came
        proceed(context, user, step.open(context, target(user, phone)));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (SameOriginPost.refused(context)) {
            return;
        }
        UserModel user = context.getUser();
        MongolianMobileNumber phone = registeredPhone(user);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        context.getEvent().detail(Details.AUTH_METHOD, ReverseSmsAuthenticatorFactory.PROVIDER_ID);
        if (phone == null) {
            // the user changed under the flow (or it was tampered with): start again
            context.resetFlow();
            return;
        }
        context.getEvent().detail(KhurEvents.PHONE, phone.masked());
        if (!form.containsKey("cancel") && lockedOut(context, user)) {
            return;
        }
        // Continue before the SMS arrived is not an attack: nothing to count, just keep waiting.
        proceed(context, user, step.act(context, target(user, phone)));
    }

    private static SmsTarget target(UserModel user, MongolianMobileNumber phone) {
        return new SmsTarget(ChallengePurpose.LOGIN, phone, user.getId(), phone.masked());
    }

    private void proceed(AuthenticationFlowContext context, UserModel user, StepResult result) {
        switch (result) {
            case StepResult.Matched matched -> complete(context, user, matched.match());
            case StepResult.Show show -> context.challenge(show.page());
            case StepResult.Cancelled cancelled -> context.resetFlow(); // "Буцах", or the tab's notes are gone
        }
    }

    private void complete(AuthenticationFlowContext context, UserModel user, MatchedChallenge matched) {
        if (!"true".equals(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED))) {
            user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_VERIFIED, "true");
        }
        AuthenticationMethods.record(context.getAuthenticationSession(), AMR_PASSWORD, "sms", "mfa");
        context.getEvent().detail(KhurEvents.SMS_WAIT_MS,
                String.valueOf(Math.max(0, Duration.between(matched.issuedAt(), clock.instant()).toMillis())));
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

    private boolean lockedOut(AuthenticationFlowContext context, UserModel user) {
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError == null) {
            return false;
        }
        context.getEvent().user(user).error(bruteForceError);
        context.forceChallenge(context.form().setError("khurSmsLockedOut").createErrorPage(Response.Status.FORBIDDEN));
        return true;
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
