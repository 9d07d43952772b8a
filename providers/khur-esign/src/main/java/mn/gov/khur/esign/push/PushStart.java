package mn.gov.khur.esign.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.login.SignatureEvents;
import mn.gov.khur.esign.metrics.EsignMetrics;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.push.PushSignatureService.PushAnswer;
import mn.gov.khur.identity.events.KhurEvents;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The start page's post: checks what was typed, counts the request ({@link PushLimiter}), issues the
 * challenge and pushes its hash to the registered phone of the account typed, or sets up a decoy
 * ({@link PushRecipient}, {@link PushAnswer.NoSigningKey}). Either way the waiting page follows.
 */
final class PushStart {

    private static final Logger LOG = Logger.getLogger(PushStart.class);

    private final AuthenticationFlowContext context;
    private final PushMethod method;
    private final Clock clock;
    private final PushSettings settings;
    private final PushPages pages;

    PushStart(AuthenticationFlowContext context, PushMethod method, Clock clock) {
        this.context = context;
        this.method = method;
        this.clock = clock;
        this.settings = method.settings().apply(context.getAuthenticatorConfig());
        this.pages = new PushPages(context, method);
    }

    void answer(MultivaluedMap<String, String> form) {
        PushForm typed = PushForm.from(form);
        Optional<RegisterNumber> rn = RegisterNumber.tryParse(typed.registerNumber());
        Optional<MongolianMobileNumber> phone = MongolianMobileNumber.tryParse(typed.phone());
        if (rn.isEmpty()) {
            SignatureEvents.refusal(context, KhurEvents.INVALID_REGISTER_NUMBER).error(KhurEvents.INVALID_REGISTER_NUMBER);
            context.challenge(pages.invalidRegisterNumber(typed));
            return;
        }
        if (phone.isEmpty()) {
            SignatureEvents.refusal(context, KhurEvents.INVALID_PHONE).error(KhurEvents.INVALID_PHONE);
            context.challenge(pages.invalidPhone(typed));
            return;
        }
        context.getEvent().detail(KhurEvents.PHONE, phone.get().masked());
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (service.isEmpty()) {
            LOG.warnf("%s signature: service endpoint not configured", method.code());
            SignatureEvents.refusal(context, "not_configured").error(KhurEvents.ESIGN_PUSH_UNAVAILABLE);
            context.challenge(pages.start(typed, "khurEsignPushUnavailable"));
            return;
        }
        Optional<PushLimiter.Scope> full = new PushLimiter(context.getSession().singleUseObjects(), settings.limits())
                .tryAcquire(method.code(), ClientAddress.of(context.getConnection().getRemoteAddr()), rn.get().value(),
                        phone.get().e164());
        if (full.isPresent()) {
            SignatureEvents.refusal(context, full.get().reason()).error(KhurEvents.ESIGN_PUSH_LIMITED);
            context.challenge(pages.limited(typed, full.get(), settings.limits().window()));
            return;
        }
        push(service.get(), typed, rn.get(), phone.get());
    }

    private void push(PushSignatureService service, PushForm typed, RegisterNumber rn, MongolianMobileNumber phone) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        LoginChallenge challenge = challenges.issue(authSession, settings.pki().nonceLifetime());
        byte[] hash = challenge.digest();
        String code = VerificationCode.of(hash);
        UserModel holder;
        switch (PushRecipient.of(context.getSession(), context.getRealm(), rn, phone)) {
            case PushRecipient.NotAllowed notAllowed -> {
                decoy(rn, phone, code, notAllowed.user(), notAllowed.reason());
                return;
            }
            case PushRecipient.Holder account -> holder = account.user();
        }
        PushAnswer answer;
        try {
            answer = service.start(rn, phone, hash, "ХУР нэвтрэх / KHUR login. Код / Code: " + code);
        } catch (PushSignatureService.PushUnavailableException e) {
            challenges.withdraw(authSession);
            LOG.warnf("%s signature request for %s failed: %s", method.code(), phone.masked(), e.getMessage());
            EsignMetrics.pushed(method.code(), "unavailable");
            SignatureEvents.refusal(context, "service_unavailable").error(KhurEvents.ESIGN_PUSH_UNAVAILABLE);
            context.challenge(pages.start(typed, "khurEsignPushUnavailable"));
            return;
        }
        switch (answer) {
            case PushAnswer.Accepted accepted -> {
                PendingPush.pushed(accepted.transactionId(), rn.value(), phone.e164(), code, deadline()).save(authSession);
                SignatureEvents.outcome(context, "push_sent");
                EsignMetrics.pushed(method.code(), "sent");
                context.challenge(pages.waiting(code, settings.pollSeconds()));
            }
            case PushAnswer.NoSigningKey none -> decoy(rn, phone, code, holder, none.outcome());
            case PushAnswer.Refused refused -> {
                challenges.withdraw(authSession);
                LOG.infof("%s signature request for %s refused: %s", method.code(), phone.masked(), refused.outcome());
                SignatureEvents.refusal(context, refused.outcome()).error(KhurEvents.esignPushError(refused.outcome()));
                context.challenge(pages.start(typed, refused.messageKey()));
            }
            case PushAnswer.Outstanding unexpected -> unexpectedAnswer(typed, challenges);
            case PushAnswer.SignedCms unexpected -> unexpectedAnswer(typed, challenges);
            case PushAnswer.SignedRaw unexpected -> unexpectedAnswer(typed, challenges);
        }
    }

    /** A service that answers a new request with a status or a signature is broken: nothing to wait for. */
    private void unexpectedAnswer(PushForm typed, SignatureChallenges challenges) {
        challenges.withdraw(context.getAuthenticationSession());
        SignatureEvents.refusal(context, "unexpected_answer").error(KhurEvents.ESIGN_PUSH_UNEXPECTED_ANSWER);
        context.challenge(pages.start(typed, "khurEsignPushFailed"));
    }

    /**
     * Nothing is pushed, but the citizen (or the stranger) sees exactly what a pushed request shows:
     * the waiting page with a code from a real challenge, polled until the same deadline, then the
     * same "time ran out" page. Only the event says why.
     */
    private void decoy(RegisterNumber rn, MongolianMobileNumber phone, String code, UserModel user, String reason) {
        PendingPush.decoy(rn.value(), phone.e164(), code, deadline()).save(context.getAuthenticationSession());
        LOG.debugf("%s signature request for %s not pushed: %s", method.code(), phone.masked(), reason);
        if (user != null) {
            context.getEvent().user(user);
        }
        EsignMetrics.pushed(method.code(), "not_sent");
        SignatureEvents.refusal(context, reason).detail(KhurEvents.ESIGN_PUSHED, "false").error(KhurEvents.ESIGN_PUSH_NOT_SENT);
        context.challenge(pages.waiting(code, settings.pollSeconds()));
    }

    /** The waiting page gives up at the signing timeout, and never after the challenge has expired. */
    private Instant deadline() {
        return clock.instant().plus(settings.waitLimit());
    }
}
