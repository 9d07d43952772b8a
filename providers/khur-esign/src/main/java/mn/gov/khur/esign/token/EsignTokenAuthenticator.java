package mn.gov.khur.esign.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.flow.ChosenMethod;
import mn.gov.khur.esign.login.SignatureLoginResult;
import mn.gov.khur.esign.login.SignedLoginVerifier;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.nonce.SignatureChallenges;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.RejectionReason;
import mn.gov.khur.esign.pki.RevocationCache;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.RegisterNumberField;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
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
        context.getEvent().detail(Details.AUTH_METHOD, EsignTokenAuthenticatorFactory.PROVIDER_ID).detail("khur_esign_method", METHOD);
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
            outcome(context, "client_" + clientError.get().code());
            context.challenge(page(context, enteredRaw, clientError.get().messageKey(), null));
            return;
        }
        Optional<RegisterNumber> entered = RegisterNumber.tryParse(enteredRaw);
        if (entered.isEmpty()) {
            outcome(context, "invalid_register_number");
            context.challenge(page(context, enteredRaw, null,
                    RegisterNumberField.messageKey(enteredRaw, "khurEsignRegisterNumberInvalid")));
            return;
        }
        if (challenge.isEmpty()) {
            // expired, used already, or from another session: a replay gets here
            refusal(context, "challenge_expired").error(Errors.EXPIRED_CODE);
            context.challenge(page(context, enteredRaw, "khurEsignChallengeExpired", null));
            return;
        }
        Optional<TokenSubmission> submission = TokenSubmission.parse(form);
        SignatureLoginResult result = submission.isEmpty()
                ? null
                : verifier(context).verify(entered.get(), submission.get().certificate(),
                        challenge.get().dataToSign().getBytes(StandardCharsets.UTF_8), submission.get().signature(),
                        clock.instant());
        if (result == null) {
            refusal(context, RejectionReason.MALFORMED.eventValue()).error(Errors.INVALID_REQUEST);
            context.challenge(page(context, enteredRaw, RejectionReason.MALFORMED.messageKey(), null));
            return;
        }
        finish(context, result, enteredRaw);
    }

    private void finish(AuthenticationFlowContext context, SignatureLoginResult result, String enteredRaw) {
        outcome(context, result.outcome());
        if (result.succeeded()) {
            UserModel user = result.user();
            String lockout = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
            if (lockout != null) {
                refusal(context, "locked_out").user(user).error(lockout);
                context.challenge(page(context, enteredRaw, "khurEsignLockedOut", null));
                return;
            }
            context.setUser(user);
            AuthenticationMethods.record(context.getAuthenticationSession(), AMR);
            context.success();
            return;
        }
        if (result.user() != null) {
            context.getEvent().user(result.user());
        }
        if (result.countsAsFailedLogin()) {
            if (result.user() != null) {
                context.setUser(result.user()); // the brute-force protector counts against the account entered
            }
            refusal(context, result.outcome()).error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    page(context, enteredRaw, result.messageKey(), null));
            return;
        }
        refusal(context, result.outcome()).error(result.rejection() == RejectionReason.REVOCATION_UNAVAILABLE
                ? "khur_esign_revocation_unavailable" : Errors.USER_NOT_FOUND);
        context.challenge(page(context, enteredRaw, result.messageKey(), null));
    }

    private SignedLoginVerifier verifier(AuthenticationFlowContext context) {
        EsignTokenConfig config = EsignTokenConfig.from(context.getAuthenticatorConfig());
        return new SignedLoginVerifier(context.getSession(), context.getRealm(),
                new CertificateValidator(config.pki().policy(), revocationCache));
    }

    private static void outcome(AuthenticationFlowContext context, String outcome) {
        context.getEvent().detail("khur_esign_outcome", outcome);
    }

    /** The event of a refusal: its reason as {@code khur_reason} (and as our older {@code khur_esign_outcome}). */
    private static EventBuilder refusal(AuthenticationFlowContext context, String reason) {
        outcome(context, reason);
        return context.getEvent().detail("khur_reason", reason);
    }

    /** Renders the page with a fresh challenge (the previous one, if any, is already used up). */
    private Response page(AuthenticationFlowContext context, String registerNumber, String error, String fieldError) {
        EsignTokenConfig config = EsignTokenConfig.from(context.getAuthenticatorConfig());
        LoginChallenge challenge = new SignatureChallenges(context.getSession())
                .issue(context.getAuthenticationSession(), origin(context.getSession()), config.pki().nonceLifetime());
        var form = context.form();
        if (error != null) {
            form.addError(new FormMessage(null, error));
        }
        if (fieldError != null) {
            form.addError(new FormMessage("registerNumber", fieldError));
        }
        return form
                .setAttribute("khurEsignData", challenge.dataToSign())
                .setAttribute("khurEsignClientUrl", config.clientUrl())
                .setAttribute("khurEsignInstallUrl", config.installUrl())
                .setAttribute("khurEsignTimeoutSeconds", config.clientTimeoutSeconds())
                .setAttribute("khurEsignRegisterNumber", registerNumber == null ? "" : registerNumber)
                .createForm(TEMPLATE);
    }

    /** The origin the login page is served from, exactly as the browser sends it in Origin. */
    public static String origin(KeycloakSession session) {
        URI base = session.getContext().getUri().getBaseUri();
        return base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }
}
