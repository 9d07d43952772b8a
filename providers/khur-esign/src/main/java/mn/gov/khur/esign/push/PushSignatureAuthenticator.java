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

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
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
 * number match decide. At most N pushes per register number per window (threat model §4).
 */
public final class PushSignatureAuthenticator implements FlowStep {

    static final String TEMPLATE = "khur-esign-push.ftl";
    private static final Logger LOG = Logger.getLogger(PushSignatureAuthenticator.class);
    private static final String NOTE_TRANSACTION = "khur.esign.push.transaction";
    private static final String NOTE_REGISTER_NUMBER = "khur.esign.push.registerNumber";
    private static final String NOTE_PHONE = "khur.esign.push.phone";
    private static final String NOTE_CODE = "khur.esign.push.code";
    private static final String NOTE_DEADLINE = "khur.esign.push.deadline";

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
            outcome(context, rn.isEmpty() ? "invalid_register_number" : "invalid_phone");
            context.challenge(startPage(context, rnRaw, phoneRaw, null, rn.isEmpty() ? "registerNumber" : "phone"));
            return;
        }
        Optional<PushSignatureService> service = method.service().apply(context.getAuthenticatorConfig());
        if (service.isEmpty()) {
            outcome(context, "not_configured");
            LOG.warnf("%s signature: service endpoint not configured", method.code());
            context.getEvent().error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        PushLimiter limiter = new PushLimiter(context.getSession().singleUseObjects(), settings.maxPushes(), settings.pushWindow());
        if (!limiter.tryAcquire(method.code(), rn.get().value())) {
            outcome(context, "push_limited");
            context.getEvent().error("khur_esign_push_limited");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushLimit", null));
            return;
        }
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        LoginChallenge challenge = challenges.issue(context.getAuthenticationSession(),
                EsignTokenAuthenticator.origin(context.getSession()), settings.pki().nonceLifetime());
        byte[] hash = challenge.digest();
        String code = VerificationCode.of(hash);
        PushSignatureService.PushAnswer answer;
        try {
            answer = service.get().start(rn.get(), phone.get(), hash, "ХУР нэвтрэх / KHUR login. Код / Code: " + code);
        } catch (PushSignatureService.PushUnavailableException e) {
            challenges.withdraw(context.getAuthenticationSession());
            LOG.warnf("%s signature request for %s failed: %s", method.code(), phone.get().masked(), e.getMessage());
            outcome(context, "service_unavailable");
            context.getEvent().error("khur_esign_push_unavailable");
            context.challenge(startPage(context, rnRaw, phoneRaw, "khurEsignPushUnavailable", null));
            return;
        }
        if (!(answer instanceof PushSignatureService.PushAnswer.Accepted accepted)) {
            challenges.withdraw(context.getAuthenticationSession());
            PushSignatureService.PushAnswer.Refused refused = answer instanceof PushSignatureService.PushAnswer.Refused r
                    ? r : new PushSignatureService.PushAnswer.Refused("khurEsignPushFailed", "unexpected_answer");
            LOG.infof("%s signature request for %s refused: %s", method.code(), phone.get().masked(), refused.outcome());
            outcome(context, refused.outcome());
            context.getEvent().error("khur_esign_push_" + refused.outcome());
            context.challenge(startPage(context, rnRaw, phoneRaw, refused.messageKey(), null));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_TRANSACTION, accepted.transactionId());
        authSession.setAuthNote(NOTE_REGISTER_NUMBER, rn.get().value());
        authSession.setAuthNote(NOTE_PHONE, phone.get().e164());
        authSession.setAuthNote(NOTE_CODE, code);
        long deadline = clock.instant().plus(min(settings.signingTimeout(), settings.pki().nonceLifetime())).getEpochSecond();
        authSession.setAuthNote(NOTE_DEADLINE, Long.toString(deadline));
        outcome(context, "push_sent");
        context.challenge(waitPage(context, settings, code));
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
        outcome(context, outcome);
        context.getEvent().error("khur_esign_push_" + outcome);
        context.challenge(startPage(context, rnRaw, phone, messageKey, null));
    }

    private void finish(AuthenticationFlowContext context, SignatureLoginResult result, String rnRaw, String phone) {
        outcome(context, result.outcome());
        if (result.succeeded()) {
            UserModel user = result.user();
            // No brute-force lock check here (issue 13): the account's temporary lock guards the password and the SMS
            // code, which a valid signature is neither, and an attacker can set it off from enough networks at will.
            // A disabled account (a permanent lockout disables it) was already refused by SignedLoginVerifier.
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
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    startPage(context, rnRaw, phone, result.messageKey(), null));
            return;
        }
        context.getEvent().error(result.rejection() == RejectionReason.REVOCATION_UNAVAILABLE
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
        for (String note : new String[] {NOTE_TRANSACTION, NOTE_REGISTER_NUMBER, NOTE_PHONE, NOTE_CODE, NOTE_DEADLINE}) {
            authSession.removeAuthNote(note);
        }
    }

    private static void outcome(AuthenticationFlowContext context, String outcome) {
        context.getEvent().detail("khur_esign_outcome", outcome);
    }

    private Response startPage(AuthenticationFlowContext context, String registerNumber, String phone, String error,
                               String invalidField) {
        var form = context.form();
        if (error != null) {
            form.addError(new FormMessage(null, error));
        }
        if ("registerNumber".equals(invalidField)) {
            form.addError(new FormMessage("registerNumber", "khurEsignRegisterNumberInvalid"));
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

    private Response waitPage(AuthenticationFlowContext context, PushSettings settings, String code) {
        return context.form().setAttribute("khurEsignPushWaiting", true)
                .setAttribute("khurEsignPushTitle", method.titleKey())
                .setAttribute("khurEsignVerificationCode", code)
                .setAttribute("khurEsignPollSeconds", settings.pollSeconds())
                .createForm(TEMPLATE);
    }
}
