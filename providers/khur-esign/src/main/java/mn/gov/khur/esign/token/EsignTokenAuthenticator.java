package mn.gov.khur.esign.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.login.SignatureEvents;
import mn.gov.khur.esign.login.SignatureLoginAnswer;
import mn.gov.khur.esign.login.SignatureLoginOutcome;
import mn.gov.khur.esign.login.SignedLoginVerifier;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.RejectionReason;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.RegisterNumberField;
import mn.gov.khur.identity.signature.TokenLoginCertificate;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.utils.FormMessage;

/**
 * USB-token login (contracts §4): the page shows a fresh challenge string, the citizen enters the
 * register number and presses "Тоон гарын үсгээр нэвтрэх", the page's script has the ESIGN client
 * sign exactly that string and posts certificate + signature. Every post uses up the challenge.
 */
public final class EsignTokenAuthenticator implements FlowStep {

    static final String TEMPLATE = "khur-esign-token.ftl";
    static final String METHOD = "token";
    static final String[] AMR = {"esign_token", "hwk", "pin"};

    private final RevocationCache revocationCache;
    private final Clock clock;

    EsignTokenAuthenticator(RevocationCache revocationCache, Clock clock) {
        this.revocationCache = revocationCache;
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        context.getEvent().detail(Details.AUTH_METHOD, EsignTokenAuthenticatorFactory.PROVIDER_ID).detail(KhurEvents.ESIGN_METHOD, METHOD);
        SignatureChallenges challenges = new SignatureChallenges(context.getSession());
        if (form.containsKey("back")) {
            challenges.withdraw(context.getAuthenticationSession());
            ChosenMethod.clear(context.getAuthenticationSession());
            context.resetFlow();
            return;
        }
        String enteredRaw = Optional.ofNullable(form.getFirst("registerNumber")).orElse("");
        Optional<LoginChallenge> challenge = challenges.consume(context.getAuthenticationSession());
        Optional<ClientError> clientError = ClientError.reported(form.getFirst("clientError"));
        if (clientError.isPresent()) {
            // the citizen's client did not sign: nothing was presented, nothing to count
            SignatureEvents.outcome(context, "client_" + clientError.get().code());
            context.challenge(page(context, enteredRaw, clientError.get().messageKey(), null));
            return;
        }
        Optional<RegisterNumber> entered = RegisterNumber.tryParse(enteredRaw);
        if (entered.isEmpty()) {
            SignatureEvents.outcome(context, KhurEvents.INVALID_REGISTER_NUMBER);
            context.challenge(page(context, enteredRaw, null,
                    RegisterNumberField.messageKey(enteredRaw, "khurEsignRegisterNumberInvalid")));
            return;
        }
        if (challenge.isEmpty()) {
            // expired, used already, or from another session: a replay gets here
            SignatureEvents.refusal(context, "challenge_expired").error(Errors.EXPIRED_CODE);
            context.challenge(page(context, enteredRaw, "khurEsignChallengeExpired", null));
            return;
        }
        Optional<TokenSubmission> submission = TokenSubmission.parse(form);
        if (submission.isEmpty()) {
            SignatureEvents.refusal(context, RejectionReason.MALFORMED.eventValue()).error(Errors.INVALID_REQUEST);
            context.challenge(page(context, enteredRaw, RejectionReason.MALFORMED.messageKey(), null));
            return;
        }
        SignatureLoginOutcome outcome = verifier(context).verify(entered.get(), submission.get().certificate(),
                challenge.get().dataToSign().getBytes(StandardCharsets.UTF_8), submission.get().signature(), clock.instant());
        if (outcome instanceof SignatureLoginOutcome.Verified) {
            // the state registry's approval by signature, later in this tab, accepts only this certificate
            TokenLoginCertificate.remember(context.getAuthenticationSession(), submission.get().certificate(),
                    EsignTokenConfig.from(context.getAuthenticatorConfig()).clientUrl());
        }
        SignatureLoginAnswer.give(context, outcome, AMR, messageKey -> page(context, enteredRaw, messageKey, null));
    }

    private SignedLoginVerifier verifier(AuthenticationFlowContext context) {
        EsignTokenConfig config = EsignTokenConfig.from(context.getAuthenticatorConfig());
        return new SignedLoginVerifier(context.getSession(), context.getRealm(),
                new CertificateValidator(config.pki().policy(), revocationCache));
    }

    /** Renders the page with a fresh challenge (the previous one, if any, is already used up). */
    private Response page(AuthenticationFlowContext context, String registerNumber, String error, String fieldError) {
        EsignTokenConfig config = EsignTokenConfig.from(context.getAuthenticatorConfig());
        LoginChallenge challenge = new SignatureChallenges(context.getSession())
                .issue(context.getAuthenticationSession(), config.pki().nonceLifetime());
        var form = context.form();
        if (error != null) {
            form.addError(new FormMessage(null, error));
        }
        if (fieldError != null) {
            form.addError(new FormMessage("registerNumber", fieldError));
        }
        return form.setAttribute(EsignTokenPage.ATTRIBUTE, new EsignTokenPage(challenge.dataToSign(), config, registerNumber))
                .createForm(TEMPLATE);
    }
}
