package mn.gov.khur.esign.login;

import jakarta.ws.rs.core.Response;

import mn.gov.khur.esign.login.SignatureLoginOutcome.AccountDisabled;
import mn.gov.khur.esign.login.SignatureLoginOutcome.NoAccount;
import mn.gov.khur.esign.login.SignatureLoginOutcome.Rejected;
import mn.gov.khur.esign.login.SignatureLoginOutcome.Throttled;
import mn.gov.khur.esign.login.SignatureLoginOutcome.Verified;
import mn.gov.khur.esign.pki.RejectionReason;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.events.KhurEvents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;

/**
 * How a signature step answers a checked signature: one place, so that token, SIM and cloud log in,
 * count and log alike. Only a credential failure reaches Keycloak's brute-force counter
 * ({@code failureChallenge}); our outages and a missing or disabled account never do. A temporarily locked
 * account still logs in with a valid signature (issue 13: the lock must not strand a citizen).
 */
public final class SignatureLoginAnswer {

    /** The step's own page again, with this message on top (the token page with a fresh challenge, the push start page). */
    @FunctionalInterface
    public interface PageWithMessage {
        Response showing(String messageKey);
    }

    private SignatureLoginAnswer() {
    }

    public static void give(AuthenticationFlowContext context, SignatureLoginOutcome outcome, String[] amr, PageWithMessage page) {
        switch (outcome) {
            case Verified verified -> logIn(context, verified.user(), amr, page);
            case Rejected rejected when rejected.reason().countsAsFailedLogin() ->
                    failedCredential(context, rejected.claimed(), rejected.reason(), page);
            case Rejected rejected -> refused(context, rejected.claimed(), rejected.reason().eventValue(),
                    rejected.reason().messageKey(), rejected.reason() == RejectionReason.REVOCATION_UNAVAILABLE
                            ? KhurEvents.ESIGN_REVOCATION_UNAVAILABLE : Errors.USER_NOT_FOUND, page);
            case NoAccount none -> refused(context, null, "no_account", "khurEsignNoAccount", Errors.USER_NOT_FOUND, page);
            case AccountDisabled disabled -> refused(context, disabled.user(), "account_disabled", "khurEsignAccountDisabled",
                    Errors.USER_NOT_FOUND, page);
            case Throttled throttled -> refused(context, throttled.claimed(), SignatureFailureBudget.OUTCOME,
                    SignatureFailureBudget.MESSAGE, Errors.SLOW_DOWN, page);
        }
    }

    private static void logIn(AuthenticationFlowContext context, UserModel user, String[] amr, PageWithMessage page) {
        SignatureEvents.outcome(context, "success");
        // No brute-force lock check here (issue 13): the account's temporary lock guards the password and the SMS
        // code, which a valid signature is neither, and an attacker can set it off from enough networks at will.
        // A disabled account (a permanent lockout disables it) is AccountDisabled, refused below.
        context.setUser(user);
        AuthenticationMethods.record(context.getAuthenticationSession(), amr);
        context.success();
    }

    private static void failedCredential(AuthenticationFlowContext context, UserModel claimed, RejectionReason reason,
                                         PageWithMessage page) {
        if (claimed != null) {
            context.getEvent().user(claimed);
            context.setUser(claimed); // the brute-force protector counts against the account entered
        }
        SignatureEvents.refusal(context, reason.eventValue()).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page.showing(reason.messageKey()));
    }

    private static void refused(AuthenticationFlowContext context, UserModel claimed, String reason, String messageKey,
                                String eventError, PageWithMessage page) {
        if (claimed != null) {
            context.getEvent().user(claimed);
        }
        SignatureEvents.refusal(context, reason).error(eventError);
        context.challenge(page.showing(messageKey));
    }
}
