package mn.gov.khur.esign.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.login.SignatureEvents;
import mn.gov.khur.esign.login.SignatureLoginAnswer;
import mn.gov.khur.esign.login.SignatureLoginOutcome;
import mn.gov.khur.esign.login.SignedLoginVerifier;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.esign.push.PushSignatureService.PushAnswer;
import mn.gov.khur.identity.events.KhurEvents;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A post of the waiting page (the script's poll or "Шалгах"): asks the service how the request is
 * going and waits on, ends the wait (declined, timed out), or checks the signature that came. A
 * decoy only runs out its time, exactly like a request nobody answers.
 */
final class PushPoll {

    private static final Logger LOG = Logger.getLogger(PushPoll.class);

    private final AuthenticationFlowContext context;
    private final PushMethod method;
    private final RevocationCache revocationCache;
    private final Clock clock;
    private final PushSettings settings;
    private final PushPages pages;

    PushPoll(AuthenticationFlowContext context, PushMethod method, RevocationCache revocationCache, Clock clock) {
        this.context = context;
        this.method = method;
        this.revocationCache = revocationCache;
        this.clock = clock;
        this.settings = method.settings().apply(context.getAuthenticatorConfig());
        this.pages = new PushPages(context, method);
    }

    void answer(PendingPush pending) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        boolean pastDeadline = pending.pastDeadline(clock.instant());
        if (pending.decoy()) {
            if (pastDeadline || challenges.current(authSession).isEmpty()) {
                context.getEvent().detail(KhurEvents.ESIGN_PUSHED, "false");
                endWait(pending, "timeout", "khurEsignPushTimeout");
            } else {
                waitOn(pending);
            }
            return;
        }
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (pastDeadline || challenges.current(authSession).isEmpty() || service.isEmpty()) {
            endWait(pending, "timeout", "khurEsignPushTimeout");
            return;
        }
        PushAnswer answer;
        try {
            answer = service.get().poll(pending.transactionId());
        } catch (PushSignatureService.PushUnavailableException e) {
            // a hiccup while waiting: keep waiting until the deadline
            LOG.infof("%s status query failed: %s", method.code(), e.getMessage());
            waitOn(pending);
            return;
        }
        switch (answer) {
            case PushAnswer.Outstanding outstanding -> waitOn(pending);
            case PushAnswer.Accepted accepted -> waitOn(pending);
            case PushAnswer.Refused refused -> endWait(pending, refused.outcome(), refused.messageKey());
            case PushAnswer.NoSigningKey none -> endWait(pending, none.outcome(), "khurEsignPushFailed");
            case PushAnswer.SignedCms cms -> check(pending,
                    (verifier, challenge, entered) -> verifier.verifyCms(entered, cms.cms(), challenge.digest(), clock.instant()));
            case PushAnswer.SignedRaw raw -> check(pending,
                    (verifier, challenge, entered) -> verifier.verify(entered, raw.certificateDer(),
                            challenge.dataToSign().getBytes(StandardCharsets.UTF_8), raw.signature(), clock.instant()));
        }
    }

    /** How the answer's signature is checked against our challenge: CMS over its hash (MSSP) or raw (GSign). */
    private interface Verification {
        SignatureLoginOutcome run(SignedLoginVerifier verifier, LoginChallenge challenge, RegisterNumber entered);
    }

    /** The challenge is used up first, whatever the signature: it can never be verified twice. */
    private void check(PendingPush pending, Verification verification) {
        Optional<LoginChallenge> challenge = new SignatureChallenges(context.getSession()).consume(context.getAuthenticationSession());
        PendingPush.end(context.getSession(), context.getAuthenticationSession());
        if (challenge.isEmpty()) {
            endWait(pending, "challenge_expired", "khurEsignChallengeExpired");
            return;
        }
        SignedLoginVerifier verifier = new SignedLoginVerifier(context.getSession(), context.getRealm(),
                new CertificateValidator(settings.pki().policy(), revocationCache));
        SignatureLoginOutcome outcome = verification.run(verifier, challenge.get(), RegisterNumber.parse(pending.registerNumber()));
        SignatureLoginAnswer.give(context, outcome, method.amr(), messageKey -> pages.start(pending.typed(), messageKey));
    }

    private void waitOn(PendingPush pending) {
        context.challenge(pages.waiting(pending.verificationCode(), settings.pollSeconds()));
    }

    /** The wait is over without a login: back to the start page with what was typed and why. */
    private void endWait(PendingPush pending, String outcome, String messageKey) {
        PendingPush.end(context.getSession(), context.getAuthenticationSession());
        SignatureEvents.refusal(context, outcome).error(KhurEvents.esignPushError(outcome));
        context.challenge(pages.start(pending.typed(), messageKey));
    }
}
