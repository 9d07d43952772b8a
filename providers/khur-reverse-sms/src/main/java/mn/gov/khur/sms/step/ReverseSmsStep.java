package mn.gov.khur.sms.step;

import java.time.Clock;
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
 * The reverse-SMS page for every purpose (login, registration, recovery, phone change): issues a challenge
 * bound to a {@link SmsTarget}, renders {@code khur-sms-challenge.ftl}, and hands out the match only if it is
 * for exactly that target (purpose, subject and phone). Same page, same buttons (continue / resend / cancel)
 * and the same challenge store everywhere.
 *
 * <p>The page keeps its challenge (contract §3): opening it again, by a reload, a second tab of the same login
 * or a phone reopening the tab after the messages app, shows the same code ({@link ShownChallenge}, in the
 * tab's notes), and continues at once if the SMS already came. Only "Шинэ код авах" makes a new code, and the
 * codes shown before it keep working until each expires ({@link ReverseSmsChallenges#addCode}).
 */
public final class ReverseSmsStep {

    static final String TEMPLATE = "khur-sms-challenge.ftl";

    private final Clock clock;

    public ReverseSmsStep(Clock clock) {
        this.clock = clock;
    }

    /**
     * The page opened (first time, reload, second tab): the tab's challenge for this target if it has one,
     * matched already or still shown (expired too: only the citizen asks for a new code), else a fresh one.
     */
    public StepResult open(AuthenticationFlowContext context, SmsTarget target) {
        ShownChallenge shown = ShownChallenge.read(context.getAuthenticationSession());
        if (shown == null || !shown.isFor(target)) {
            if (shown != null) {
                withdraw(context, shown); // another target's challenge (the flow went back and on): it can never complete
            }
            ShownChallenge fresh = issue(context, target, 0);
            return new StepResult.Show(page(context, target, fresh, false, Optional.empty()));
        }
        return current(context, target, shown, false);
    }

    /** Handles a post of the page's form. */
    public StepResult act(AuthenticationFlowContext context, SmsTarget target) {
        ShownChallenge shown = ShownChallenge.read(context.getAuthenticationSession());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (shown == null || !shown.isFor(target)) {
            return new StepResult.Cancelled();
        }
        if (form.containsKey("cancel")) {
            withdraw(context, shown);
            return new StepResult.Cancelled();
        }
        if (form.containsKey("resend")) {
            Optional<MatchedChallenge> matched = consume(context, target, shown);
            return matched.<StepResult>map(StepResult.Matched::new).orElseGet(() -> new StepResult.Show(newCode(context, target, shown)));
        }
        return current(context, target, shown, true);
    }

    /** Forgets this tab's challenge (e.g. when the flow is left). */
    public void clear(AuthenticationFlowContext context) {
        ShownChallenge shown = ShownChallenge.read(context.getAuthenticationSession());
        if (shown != null) {
            withdraw(context, shown);
        }
    }

    // Matched: hand it out. Otherwise the same page, expired or waiting, with what came in so far.
    private StepResult current(AuthenticationFlowContext context, SmsTarget target, ShownChallenge shown, boolean continuePressed) {
        Optional<MatchedChallenge> matched = consume(context, target, shown);
        if (matched.isPresent()) {
            return new StepResult.Matched(matched.get());
        }
        ReverseSmsChallenges challenges = new ReverseSmsChallenges(context.getSession());
        boolean expired = shown.expired(clock.instant())
                || challenges.status(context.getRealm(), shown.challengeId()) == ChallengeStatus.EXPIRED;
        if (expired) {
            return new StepResult.Show(page(context, target, shown, true,
                    continuePressed ? Optional.of(new FormMessage(null, "khurSmsExpired")) : Optional.empty()));
        }
        Optional<FormMessage> message = WaitingMessage.of(target, ReverseSmsConfig.from(context.getAuthenticatorConfig()).shortNumber(),
                challenges.feedback(context.getRealm(), shown.challengeId()), continuePressed);
        return new StepResult.Show(page(context, target, shown, false, message));
    }

    private Optional<MatchedChallenge> consume(AuthenticationFlowContext context, SmsTarget target, ShownChallenge shown) {
        Optional<MatchedChallenge> matched = new ReverseSmsChallenges(context.getSession())
                .consumeMatch(context.getRealm(), shown.challengeId());
        if (matched.isPresent() && isFor(matched.get(), target)) {
            ShownChallenge.clear(context.getAuthenticationSession());
            return matched;
        }
        return Optional.empty();
    }

    private static boolean isFor(MatchedChallenge match, SmsTarget target) {
        return match.purpose() == target.purpose()
                && target.subjectRef().equals(match.subjectRef())
                && target.phone().e164().equals(match.msisdnE164());
    }

    // The earlier codes stay valid until they expire: an SMS already on its way still completes the page.
    private Response newCode(AuthenticationFlowContext context, SmsTarget target, ShownChallenge old) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        if (old.newCodesUsed() >= config.maxNewCodes()) {
            return page(context, target, old, old.expired(clock.instant()),
                    Optional.of(new FormMessage(null, "khurSmsTooManyNewCodes")));
        }
        PendingChallenge added = new ReverseSmsChallenges(context.getSession()).addCode(context.getRealm(), old.challengeId(),
                target.phone().e164(), target.purpose(), target.subjectRef(), config.codeLifetime());
        ShownChallenge fresh = ShownChallenge.of(added, old.newCodesUsed() + 1);
        fresh.write(context.getAuthenticationSession());
        return page(context, target, fresh, false, Optional.empty());
    }

    private ShownChallenge issue(AuthenticationFlowContext context, SmsTarget target, int newCodesUsed) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        PendingChallenge challenge = new ReverseSmsChallenges(context.getSession()).issue(context.getRealm(),
                target.phone().e164(), target.purpose(), target.subjectRef(), config.codeLifetime());
        ShownChallenge shown = ShownChallenge.of(challenge, newCodesUsed);
        shown.write(context.getAuthenticationSession());
        return shown;
    }

    private static void withdraw(AuthenticationFlowContext context, ShownChallenge shown) {
        new ReverseSmsChallenges(context.getSession()).withdraw(context.getRealm(), shown.msisdnE164(), shown.code(),
                shown.challengeId());
        ShownChallenge.clear(context.getAuthenticationSession());
    }

    private Response page(AuthenticationFlowContext context, SmsTarget target, ShownChallenge shown, boolean expired,
                          Optional<FormMessage> message) {
        ReverseSmsConfig config = ReverseSmsConfig.from(context.getAuthenticatorConfig());
        var form = context.form();
        message.ifPresent(said -> {
            if (expired) {
                form.addError(said);
            } else {
                form.setInfo(said.getMessage(), said.getParameters());
            }
        });
        ReverseSmsPage page = new ReverseSmsPage(shown.code(), config.shortNumber(),
                ReverseSmsAuthenticator.statusUrl(context.getSession(), context.getRealm(), shown.challengeId()),
                shown.expiresAt().getEpochSecond(), (int) Math.max(1, config.codeLifetime().toMinutes()), expired,
                shown.newCodesUsed() < config.maxNewCodes(), target.shownPhoneMasked(), target.pagePurpose());
        return form.setAttribute("khurSms", page).createForm(TEMPLATE);
    }
}
