package mn.gov.khur.esign.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.login.SignatureEvents;
import mn.gov.khur.esign.login.SignatureLoginAnswer;
import mn.gov.khur.esign.login.SignatureLoginOutcome;
import mn.gov.khur.esign.login.SignedLoginVerifier;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.RegisterNumberField;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The login step shared by the push signature methods (SIM via the MSSP, GSign cloud): the citizen
 * enters register number and phone; we push a signing request for the SHA-256 hash of a fresh
 * nonce-bound challenge, show the verification code derived from that hash (also shown on the
 * phone), and poll while the page waits ({@code js/khur-esign-wait.js} or the "Шалгах" button).
 * The answer must sign exactly our hash; then the shared certificate checks and the register
 * number match decide.
 *
 * <p>Push-bombing (threat model §4, issue 13 item 6): requests are counted per client address,
 * register number and phone ({@link PushLimiter}), and a push goes only to the registered phone of
 * the enabled account of the number typed ({@link PushRecipient}). Any other pair, and a phone or
 * account the service has no signing key for, gets a <em>decoy</em>: the same waiting page with a
 * code of the same kind, polled the same way until the same deadline, and nothing pushed.
 */
public final class PushSignatureAuthenticator implements FlowStep {

    static final String TEMPLATE = "khur-esign-push.ftl";
    private static final Logger LOG = Logger.getLogger(PushSignatureAuthenticator.class);

    /** One push method: its code ("sim", "cloud"), provider id, amr, page texts, and how to read its config. */
    public record Method(String code, String providerId, String[] amr, String titleKey, String hintKey,
                         Function<AuthenticatorConfigModel, PushSettings> settings,
                         Function<AuthenticatorConfigModel, Optional<PushSignatureService>> service) {
    }

    private final Method method;
    private final RevocationCache revocationCache;
    private final Clock clock;

    public PushSignatureAuthenticator(Method method, RevocationCache revocationCache, Clock clock) {
        this.method = method;
        this.revocationCache = revocationCache;
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        clearTransaction(context);
        context.challenge(startPage(context, null, null, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        context.getEvent().detail(Details.AUTH_METHOD, method.providerId()).detail("khur_esign_method", method.code());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (form.containsKey("back")) {
            clearTransaction(context);
            ChosenMethod.clear(authSession);
            context.resetFlow();
            return;
        }
        if (form.containsKey("cancel")) {
            clearTransaction(context);
            context.challenge(startPage(context, null, null, null, null));
            return;
        }
        Optional<PendingPush> pending = PendingPush.of(authSession);
        if (pending.isPresent()) {
            poll(context, pending.get());
            return;
        }
        start(context, form);
    }

    private void start(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        PushSettings settings = method.settings().apply(context.getAuthenticatorConfig());
        String rnRaw = Optional.ofNullable(form.getFirst("registerNumber")).orElse("");
        String phoneRaw = Optional.ofNullable(form.getFirst("phone")).orElse("");
        Optional<RegisterNumber> rn = RegisterNumber.tryParse(rnRaw);
        Optional<MongolianMobileNumber> phone = MongolianMobileNumber.tryParse(phoneRaw);
        if (rn.isEmpty() || phone.isEmpty()) {
            String reason = rn.isEmpty() ? "invalid_register_number" : "invalid_phone";
            SignatureEvents.refusal(context, reason).error(reason);
            context.challenge(startPage(context, rnRaw, phoneRaw, null, rn.isEmpty() ? "registerNumber" : "phone"));
            return;
        }
        context.getEvent().detail("khur_phone", phone.get().masked());
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (service.isEmpty()) {
            LOG.warnf("%s signature: service endpoint not configured", method.code());
            SignatureEvents.refusal(context, "not_configured").error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        Optional<PushLimiter.Scope> full = new PushLimiter(context.getSession().singleUseObjects(), settings.limits())
                .tryAcquire(method.code(), ClientAddress.of(context.getConnection().getRemoteAddr()), rn.get().value(),
                        phone.get().e164());
        if (full.isPresent()) {
            SignatureEvents.refusal(context, full.get().reason()).error("khur_esign_push_limited");
            context.challenge(limitPage(context, rnRaw, phoneRaw, full.get(), settings));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        LoginChallenge challenge = challenges.issue(authSession, settings.pki().nonceLifetime());
        byte[] hash = challenge.digest();
        String code = VerificationCode.of(hash);
        UserModel holder;
        switch (PushRecipient.of(context.getSession(), context.getRealm(), rn.get(), phone.get())) {
            case PushRecipient.NotAllowed notAllowed -> {
                decoy(context, settings, rn.get(), phone.get(), code, notAllowed.user(), notAllowed.reason());
                return;
            }
            case PushRecipient.Holder account -> holder = account.user();
        }
        PushSignatureService.PushAnswer answer;
        try {
            answer = service.get().start(rn.get(), phone.get(), hash, "ХУР нэвтрэх / KHUR login. Код / Code: " + code);
        } catch (PushSignatureService.PushUnavailableException e) {
            challenges.withdraw(authSession);
            LOG.warnf("%s signature request for %s failed: %s", method.code(), phone.get().masked(), e.getMessage());
            SignatureEvents.refusal(context, "service_unavailable").error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        switch (answer) {
            case PushSignatureService.PushAnswer.Accepted accepted -> {
                PendingPush.pushed(accepted.transactionId(), rn.get().value(), phone.get().e164(), code, deadline(settings))
                        .save(authSession);
                SignatureEvents.outcome(context, "push_sent");
                context.challenge(waitPage(context, settings, code));
            }
            case PushSignatureService.PushAnswer.NoSigningKey none ->
                    decoy(context, settings, rn.get(), phone.get(), code, holder, none.outcome());
            case PushSignatureService.PushAnswer.Refused refused -> {
                challenges.withdraw(authSession);
                LOG.infof("%s signature request for %s refused: %s", method.code(), phone.get().masked(), refused.outcome());
                SignatureEvents.refusal(context, refused.outcome()).error("khur_esign_push_" + refused.outcome());
                context.challenge(startPage(context, rnRaw, phoneRaw, refused.messageKey(), null));
            }
            default -> {
                challenges.withdraw(authSession);
                SignatureEvents.refusal(context, "unexpected_answer").error("khur_esign_push_unexpected_answer");
                context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushFailed", null));
            }
        }
    }

    /**
     * Nothing is pushed, but the citizen (or the stranger) sees exactly what a pushed request shows:
     * the waiting page with a code from a real challenge, polled until the same deadline, then the
     * same "time ran out" page. Only the event says why.
     */
    private void decoy(AuthenticationFlowContext context, PushSettings settings, RegisterNumber rn, MongolianMobileNumber phone,
                       String code, UserModel user, String reason) {
        PendingPush.decoy(rn.value(), phone.e164(), code, deadline(settings)).save(context.getAuthenticationSession());
        LOG.debugf("%s signature request for %s not pushed: %s", method.code(), phone.masked(), reason);
        if (user != null) {
            context.getEvent().user(user);
        }
        SignatureEvents.refusal(context, reason).detail("khur_esign_pushed", "false").error("khur_esign_push_not_sent");
        context.challenge(waitPage(context, settings, code));
    }

    /** The waiting page gives up at the signing timeout, and never after the challenge has expired. */
    private Instant deadline(PushSettings settings) {
        return clock.instant().plus(settings.waitLimit());
    }

    private void poll(AuthenticationFlowContext context, PendingPush pending) {
        PushSettings settings = method.settings().apply(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String transaction = pending.transactionId();
        String rnRaw = pending.registerNumber();
        String code = pending.verificationCode();
        String phone = pending.phone();
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        boolean pastDeadline = pending.pastDeadline(clock.instant());
        if (pending.decoy()) {
            if (pastDeadline || challenges.current(authSession).isEmpty()) {
                context.getEvent().detail("khur_esign_pushed", "false");
                terminal(context, rnRaw, phone, "timeout", "khurEsignPushTimeout");
            } else {
                context.challenge(waitPage(context, settings, code));
            }
            return;
        }
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (pastDeadline || challenges.current(authSession).isEmpty() || service.isEmpty()) {
            terminal(context, rnRaw, phone, "timeout", "khurEsignPushTimeout");
            return;
        }
        PushSignatureService.PushAnswer answer;
        try {
            answer = service.get().poll(transaction);
        } catch (PushSignatureService.PushUnavailableException e) {
            // a hiccup while waiting: keep waiting until the deadline
            LOG.infof("%s status query failed: %s", method.code(), e.getMessage());
            context.challenge(waitPage(context, settings, code));
            return;
        }
        switch (answer) {
            case PushSignatureService.PushAnswer.Outstanding o -> context.challenge(waitPage(context, settings, code));
            case PushSignatureService.PushAnswer.Accepted a -> context.challenge(waitPage(context, settings, code));
            case PushSignatureService.PushAnswer.Refused r -> terminal(context, rnRaw, phone, r.outcome(), r.messageKey());
            case PushSignatureService.PushAnswer.NoSigningKey none -> terminal(context, rnRaw, phone, none.outcome(), "khurEsignPushFailed");
            case PushSignatureService.PushAnswer.SignedCms cms -> verified(context, settings, rnRaw, phone,
                    (verifier, challenge, entered) -> verifier.verifyCms(entered, cms.cms(), challenge.digest(), clock.instant()));
            case PushSignatureService.PushAnswer.SignedRaw raw -> verified(context, settings, rnRaw, phone,
                    (verifier, challenge, entered) -> verifier.verify(entered, raw.certificateDer(),
                            challenge.dataToSign().getBytes(StandardCharsets.UTF_8), raw.signature(), clock.instant()));
        }
    }

    private interface Verification {
        SignatureLoginOutcome run(SignedLoginVerifier verifier, LoginChallenge challenge, RegisterNumber entered);
    }

    private void verified(AuthenticationFlowContext context, PushSettings settings, String rnRaw, String phone,
                          Verification verification) {
        Optional<LoginChallenge> challenge = new SignatureChallenges(context.getSession()).consume(context.getAuthenticationSession());
        clearTransaction(context);
        if (challenge.isEmpty()) {
            terminal(context, rnRaw, phone, "challenge_expired", "khurEsignChallengeExpired");
            return;
        }
        SignedLoginVerifier verifier = new SignedLoginVerifier(context.getSession(), context.getRealm(),
                new CertificateValidator(settings.pki().policy(), revocationCache));
        SignatureLoginAnswer.give(context, verification.run(verifier, challenge.get(), RegisterNumber.parse(rnRaw)), method.amr(),
                messageKey -> startPage(context, rnRaw, phone, messageKey, null));
    }

    private void terminal(AuthenticationFlowContext context, String rnRaw, String phone, String outcome, String messageKey) {
        clearTransaction(context);
        SignatureEvents.refusal(context, outcome).error("khur_esign_push_" + outcome);
        context.challenge(startPage(context, rnRaw, phone, messageKey, null));
    }

    private static void clearTransaction(AuthenticationFlowContext context) {
        PendingPush.end(context.getSession(), context.getAuthenticationSession());
    }

    private Response startPage(AuthenticationFlowContext context, String registerNumber, String phone, String error,
                               String invalidField) {
        return startPageShowing(context, registerNumber, phone, error == null ? null : new FormMessage(null, error), invalidField);
    }

    private Response startPageShowing(AuthenticationFlowContext context, String registerNumber, String phone, FormMessage error,
                                      String invalidField) {
        var form = context.form();
        if (error != null) {
            form.addError(error);
        }
        if ("registerNumber".equals(invalidField)) {
            form.addError(new FormMessage("registerNumber",
                    RegisterNumberField.messageKey(registerNumber, "khurEsignRegisterNumberInvalid")));
        } else if ("phone".equals(invalidField)) {
            form.addError(new FormMessage("phone", "khurEsignPushPhoneInvalid"));
        }
        return form.setAttribute("khurEsignPushWaiting", false)
                .setAttribute("khurEsignPushTitle", method.titleKey())
                .setAttribute("khurEsignPushHint", method.hintKey())
                .setAttribute("khurEsignRegisterNumber", registerNumber == null ? "" : registerNumber)
                .setAttribute("khurEsignPhone", phone == null ? "" : phone)
                .createForm(TEMPLATE);
    }

    /** Which count is full, and for how long a request counts (the window, in whole minutes). */
    private Response limitPage(AuthenticationFlowContext context, String registerNumber, String phone, PushLimiter.Scope full,
                               PushSettings settings) {
        String key = switch (full) {
            case ADDRESS -> "khurEsignPushLimitAddress";
            case REGISTER_NUMBER -> "khurEsignPushLimit";
            case PHONE -> "khurEsignPushLimitPhone";
        };
        long minutes = Math.max(1, (settings.limits().window().toSeconds() + 59) / 60);
        return startPageShowing(context, registerNumber, phone, new FormMessage(null, key, minutes), null);
    }

    private Response waitPage(AuthenticationFlowContext context, PushSettings settings, String code) {
        return context.form().setAttribute("khurEsignPushWaiting", true)
                .setAttribute("khurEsignPushTitle", method.titleKey())
                .setAttribute("khurEsignVerificationCode", code)
                .setAttribute("khurEsignPollSeconds", settings.pollSeconds())
                .createForm(TEMPLATE);
    }
}
