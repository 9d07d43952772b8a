package mn.gov.khur.sms.step;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.MatchedChallenge;
import mn.gov.khur.sms.challenge.PendingChallenge;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.login.ReverseSmsAuthenticator;
import mn.gov.khur.sms.login.ReverseSmsConfig;
import mn.gov.khur.sms.login.ReverseSmsPage;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/**
 * The reverse-SMS page for any purpose and phone (registration, recovery, phone change): issues a
 * challenge bound to a {@link SmsTarget}, renders {@code khur-sms-challenge.ftl}, and on Continue hands
 * out the match only if it is for exactly that target (purpose, subject and phone). Same page, same
 * buttons (continue / resend / cancel) and the same challenge store as the login step.
 */
public final class ReverseSmsStep {

    static final String TEMPLATE = "khur-sms-challenge.ftl";

    private final Clock clock;

    public ReverseSmsStep(Clock clock) {
        this.clock = clock;
    }

    /** Issues a fresh challenge for the target and returns its page. */
    public Response begin(AuthenticationFlowContext context, SmsTarget target) {
        PendingStepChallenge pending = issue(context, target, 0);
        return page(context, target, pending, false, null);
    }

    /** Handles a post of the page's form. */
    public StepResult act(AuthenticationFlowContext context, SmsTarget target) {
        PendingStepChallenge pending = PendingStepChallenge.read(context.getAuthenticationSession());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (pending == null || !target.phone().e164().equals(pending.msisdnE164())) {
            return new StepResult.Cancelled();
        }
        ReverseSmsChallenges challenges = new ReverseSmsChallenges(context.getSession());
        if (form.containsKey("cancel")) {
            withdraw(context, pending);
            return new StepResult.Cancelled();
        }
        Optional<MatchedChallenge> matched = challenges.consumeMatch(context.getRealm(), pending.challengeId());
        if (matched.isPresent() && isFor(matched.get(), target)) {
            PendingStepChallenge.clear(context.getAuthenticationSession());
            return new StepResult.Matched(matched.get());
        }
        if (form.containsKey("resend")) {
            return new StepResult.Show(newCode(context, target, pending));
        }
        boolean expired = pending.expired(clock.instant())
                || challenges.status(context.getRealm(), pending.challengeId()) == ChallengeStatus.EXPIRED;
        return new StepResult.Show(page(context, target, pending, expired, expired ? "khurSmsExpired" : "khurSmsNotYetReceived"));
    }

    /** Forgets this tab's challenge (e.g. when the flow is left). */
    public void clear(AuthenticationFlowContext context) {
        PendingStepChallenge pending = PendingStepChallenge.read(context.getAuthenticationSession());
        if (pending != null) {
            withdraw(context, pending);
        }
    }

    private static boolean isFor(MatchedChallenge match, SmsTarget target) {
        return match.purpose() == target.purpose()
                && target.subjectRef().equals(match.subjectRef())
                && target.phone().e164().equals(match.msisdnE164());
    }

    private Response newCode(AuthenticationFlowContext context, SmsTarget target, PendingStepChallenge old) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        if (old.newCodesUsed() >= config.maxNewCodes()) {
            return page(context, target, old, old.expired(clock.instant()), "khurSmsTooManyNewCodes");
        }
        withdraw(context, old);
        PendingStepChallenge fresh = issue(context, target, old.newCodesUsed() + 1);
        return page(context, target, fresh, false, null);
    }

    private PendingStepChallenge issue(AuthenticationFlowContext context, SmsTarget target, int newCodesUsed) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        PendingChallenge challenge = new ReverseSmsChallenges(context.getSession()).issue(context.getRealm(),
                target.phone().e164(), target.purpose(), target.subjectRef(), config.codeLifetime());
        PendingStepChallenge pending = new PendingStepChallenge(challenge.challengeId(), challenge.code(),
                challenge.msisdnE164(), challenge.expiresAt(), newCodesUsed);
        pending.write(context.getAuthenticationSession());
        return pending;
    }

    private static void withdraw(AuthenticationFlowContext context, PendingStepChallenge pending) {
        new ReverseSmsChallenges(context.getSession()).withdraw(context.getRealm(), pending.msisdnE164(), pending.code(),
                pending.challengeId());
        PendingStepChallenge.clear(context.getAuthenticationSession());
    }

    private Response page(AuthenticationFlowContext context, SmsTarget target, PendingStepChallenge pending,
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
        Instant expiresAt = pending.expiresAt();
        ReverseSmsPage page = new ReverseSmsPage(pending.code(), config.shortNumber(),
                ReverseSmsAuthenticator.statusUrl(context.getSession(), context.getRealm(), pending.challengeId()),
                expiresAt.getEpochSecond(), (int) Math.max(1, config.codeLifetime().toMinutes()), expired,
                pending.newCodesUsed() < config.maxNewCodes(), target.shownPhoneMasked(), target.pagePurpose());
        return form.setAttribute("khurSms", page).createForm(TEMPLATE);
    }
}
