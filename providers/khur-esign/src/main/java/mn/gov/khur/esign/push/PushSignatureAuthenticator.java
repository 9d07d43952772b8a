package mn.gov.khur.esign.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.login.SignatureLoginResult;
import mn.gov.khur.esign.login.SignedLoginVerifier;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.RejectionReason;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.esign.token.EsignTokenAuthenticator;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.RegisterNumberField;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
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
    private static final String NOTE_TRANSACTION = "khur.esign.push.transaction";
    private static final String NOTE_REGISTER_NUMBER = "khur.esign.push.registerNumber";
    private static final String NOTE_PHONE = "khur.esign.push.phone";
    private static final String NOTE_CODE = "khur.esign.push.code";
    private static final String NOTE_DEADLINE = "khur.esign.push.deadline";
    /** Set while the waiting page is a decoy: no request was pushed, the page only runs out its time. */
    private static final String NOTE_DECOY = "khur.esign.push.decoy";

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
        if (authSession.getAuthNote(NOTE_TRANSACTION) != null) {
            poll(context);
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
            refusal(context, reason).error(reason);
            context.challenge(startPage(context, rnRaw, phoneRaw, null, rn.isEmpty() ? "registerNumber" : "phone"));
            return;
        }
        context.getEvent().detail("khur_phone", phone.get().masked());
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (service.isEmpty()) {
            LOG.warnf("%s signature: service endpoint not configured", method.code());
            refusal(context, "not_configured").error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        Optional<PushLimiter.Scope> full = new PushLimiter(context.getSession().singleUseObjects(), settings.limits())
                .tryAcquire(method.code(), ClientAddress.of(context.getConnection().getRemoteAddr()), rn.get().value(),
                        phone.get().e164());
        if (full.isPresent()) {
            refusal(context, full.get().reason()).error("khur_esign_push_limited");
            context.challenge(limitPage(context, rnRaw, phoneRaw, full.get(), settings));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        LoginChallenge challenge = challenges.issue(authSession,
                EsignTokenAuthenticator.origin(context.getSession()), settings.pki().nonceLifetime());
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
            mn.gov.khur.esign.metrics.EsignMetrics.pushed(method.code(), "unavailable");
            refusal(context, "service_unavailable").error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        switch (answer) {
            case PushSignatureService.PushAnswer.Accepted accepted -> {
                waiting(context, settings, rn.get(), phone.get(), code);
                authSession.setAuthNote(NOTE_TRANSACTION, accepted.transactionId());
                outcome(context, "push_sent");
                mn.gov.khur.esign.metrics.EsignMetrics.pushed(method.code(), "sent");
                context.challenge(waitPage(context, settings, code));
            }
            case PushSignatureService.PushAnswer.NoSigningKey none ->
                    decoy(context, settings, rn.get(), phone.get(), code, holder, none.outcome());
            case PushSignatureService.PushAnswer.Refused refused -> {
                challenges.withdraw(authSession);
                LOG.infof("%s signature request for %s refused: %s", method.code(), phone.get().masked(), refused.outcome());
                refusal(context, refused.outcome()).error("khur_esign_push_" + refused.outcome());
                context.challenge(startPage(context, rnRaw, phoneRaw, refused.messageKey(), null));
            }
            default -> {
                challenges.withdraw(authSession);
                refusal(context, "unexpected_answer").error("khur_esign_push_unexpected_answer");
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
        waiting(context, settings, rn, phone, code);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_TRANSACTION, "decoy");
        authSession.setAuthNote(NOTE_DECOY, "true");
        LOG.debugf("%s signature request for %s not pushed: %s", method.code(), phone.masked(), reason);
        if (user != null) {
            context.getEvent().user(user);
        }
        mn.gov.khur.esign.metrics.EsignMetrics.pushed(method.code(), "not_sent");
        refusal(context, reason).detail("khur_esign_pushed", "false").error("khur_esign_push_not_sent");
        context.challenge(waitPage(context, settings, code));
    }

    /** What the waiting page and its polls need, the same for a real request and a decoy. */
    private void waiting(AuthenticationFlowContext context, PushSettings settings, RegisterNumber rn, MongolianMobileNumber phone,
                         String code) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_REGISTER_NUMBER, rn.value());
        authSession.setAuthNote(NOTE_PHONE, phone.e164());
        authSession.setAuthNote(NOTE_CODE, code);
        long deadline = clock.instant().plus(min(settings.signingTimeout(), settings.pki().nonceLifetime())).getEpochSecond();
        authSession.setAuthNote(NOTE_DEADLINE, Long.toString(deadline));
    }

    private void poll(AuthenticationFlowContext context) {
        PushSettings settings = method.settings().apply(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String transaction = authSession.getAuthNote(NOTE_TRANSACTION);
        String rnRaw = authSession.getAuthNote(NOTE_REGISTER_NUMBER);
        String code = authSession.getAuthNote(NOTE_CODE);
        String phone = authSession.getAuthNote(NOTE_PHONE);
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        boolean pastDeadline = clock.instant().getEpochSecond() > parseLong(authSession.getAuthNote(NOTE_DEADLINE));
        if (authSession.getAuthNote(NOTE_DECOY) != null) {
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
        SignatureLoginResult run(SignedLoginVerifier verifier, LoginChallenge challenge, RegisterNumber entered);
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
        finish(context, verification.run(verifier, challenge.get(), RegisterNumber.parse(rnRaw)), rnRaw, phone);
    }

    private void terminal(AuthenticationFlowContext context, String rnRaw, String phone, String outcome, String messageKey) {
        clearTransaction(context);
        refusal(context, outcome).error("khur_esign_push_" + outcome);
        context.challenge(startPage(context, rnRaw, phone, messageKey, null));
    }

    private void finish(AuthenticationFlowContext context, SignatureLoginResult result, String rnRaw, String phone) {
        outcome(context, result.outcome());
        if (result.succeeded()) {
            UserModel user = result.user();
            String lockout = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
            if (lockout != null) {
                refusal(context, "locked_out").user(user).error(lockout);
                context.challenge(startPage(context, rnRaw, phone, "khurEsignLockedOut", null));
                return;
            }
            context.setUser(user);
            AuthenticationMethods.record(context.getAuthenticationSession(), method.amr());
            context.success();
            return;
        }
        if (result.user() != null) {
            context.getEvent().user(result.user());
        }
        if (result.countsAsFailedLogin()) {
            if (result.user() != null) {
                context.setUser(result.user());
            }
            refusal(context, result.outcome()).error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    startPage(context, rnRaw, phone, result.messageKey(), null));
            return;
        }
        refusal(context, result.outcome()).error(result.rejection() == RejectionReason.REVOCATION_UNAVAILABLE
                ? "khur_esign_revocation_unavailable" : Errors.USER_NOT_FOUND);
        context.challenge(startPage(context, rnRaw, phone, result.messageKey(), null));
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void clearTransaction(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(NOTE_TRANSACTION) != null) {
            new SignatureChallenges(context.getSession()).withdraw(authSession);
        }
        for (String note : new String[] {NOTE_TRANSACTION, NOTE_REGISTER_NUMBER, NOTE_PHONE, NOTE_CODE, NOTE_DEADLINE,
                NOTE_DECOY}) {
            authSession.removeAuthNote(note);
        }
    }

    private static void outcome(AuthenticationFlowContext context, String outcome) {
        context.getEvent().detail("khur_esign_outcome", outcome);
    }

    /** The event of a refusal: its reason as {@code khur_reason} (and as our older {@code khur_esign_outcome}). */
    private static EventBuilder refusal(AuthenticationFlowContext context, String reason) {
        outcome(context, reason);
        return context.getEvent().detail("khur_reason", reason);
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
