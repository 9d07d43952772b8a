package mn.gov.khur.esign.login;

import mn.gov.khur.esign.pki.RejectionReason;

import org.keycloak.models.UserModel;

/**
 * What checking a signed login found, the same for every signature method (token, SIM, cloud).
 * {@code claimed} is the account of the register number that was entered, if there is one: the
 * account under attack, whose brute-force counter a credential failure goes to.
 * {@link SignatureLoginAnswer} turns it into the flow's answer.
 */
public sealed interface SignatureLoginOutcome {

    /** Signature, certificate and register number check out, and the account is enabled. */
    record Verified(UserModel user) implements SignatureLoginOutcome {
    }

    /** The certificate or the signature was not accepted ({@link RejectionReason#countsAsFailedLogin()} says whose fault). */
    record Rejected(UserModel claimed, RejectionReason reason) implements SignatureLoginOutcome {
    }

    /** A good signature for a register number without an account. */
    record NoAccount() implements SignatureLoginOutcome {
    }

    /** A good signature for a disabled account. */
    record AccountDisabled(UserModel user) implements SignatureLoginOutcome {
    }

    /**
     * Not checked at all: the client's network has spent its failures for this register number
     * ({@link SignatureFailureBudget}, shared with the password step), so one network cannot lock a citizen out.
     */
    record Throttled(UserModel claimed) implements SignatureLoginOutcome {
    }
}
