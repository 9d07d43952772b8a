package mn.gov.khur.esign.login;

import mn.gov.khur.esign.pki.RejectionReason;

import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;

/**
 * The outcome of checking a signed login: the citizen's account, or why not. {@code user} on a
 * rejection is the account of the register number that was entered (if any): the account under
 * attack, whose brute-force counter a credential failure goes to.
 */
public record SignatureLoginResult(UserModel user, RejectionReason rejection, String messageKey, String outcome) {

    static SignatureLoginResult success(UserModel user) {
        return new SignatureLoginResult(user, null, null, "success");
    }

    static SignatureLoginResult rejected(UserModel claimedUser, RejectionReason reason) {
        return new SignatureLoginResult(claimedUser, reason, reason.messageKey(), reason.eventValue());
    }

    static SignatureLoginResult problem(UserModel claimedUser, String messageKey, String outcome) {
        return new SignatureLoginResult(claimedUser, null, messageKey, outcome);
    }

    public boolean succeeded() {
        return "success".equals(outcome);
    }

    /** The event error of a refusal that does not count as a failed login. */
    public String eventError() {
        if (rejection == RejectionReason.REVOCATION_UNAVAILABLE) {
            return "khur_esign_revocation_unavailable";
        }
        return SignatureFailureBudget.OUTCOME.equals(outcome) ? Errors.SLOW_DOWN : Errors.USER_NOT_FOUND;
    }

    /** Credential failures count in Keycloak's brute-force protector; our outages and user slips do not. */
    public boolean countsAsFailedLogin() {
        return rejection != null && rejection.countsAsFailedLogin();
    }
}
