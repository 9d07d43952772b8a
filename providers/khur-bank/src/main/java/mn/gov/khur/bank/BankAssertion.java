package mn.gov.khur.bank;

import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;

/**
 * What one bank login asserted, as the register-number mapper left it in the brokered context.
 *
 * @param bankSubject the bank's {@code sub}: the identity is stored by (bank alias, subject)
 */
public record BankAssertion(String bankAlias, String bankSubject, Optional<RegisterNumber> registerNumber,
                            RegisterNumberProblem problem, Optional<String> bankAcr) {

    /**
     * The checks every bank login passes, first or later: the bank is trusted for register numbers,
     * sent a valid one, with an accepted acr, and the relying party did not ask for more than a bank
     * login gives ({@code requestedLoa} from the client's acr request, -1 when none).
     */
    public Optional<BankRefusal> refusal(BankTrust trust, int requestedLoa) {
        if (!trust.assertsVerifiedRegisterNumber()) {
            return Optional.of(BankRefusal.BANK_NOT_TRUSTED);
        }
        if (registerNumber.isEmpty()) {
            return Optional.of(problem == RegisterNumberProblem.INVALID
                    ? BankRefusal.REGISTER_NUMBER_INVALID : BankRefusal.REGISTER_NUMBER_MISSING);
        }
        if (!trust.acceptedAcr().isEmpty() && bankAcr.filter(trust.acceptedAcr()::contains).isEmpty()) {
            return Optional.of(BankRefusal.BANK_ACR_NOT_ACCEPTED);
        }
        if (requestedLoa > BankAssurance.LEVEL_OF_AUTHENTICATION) {
            return Optional.of(BankRefusal.ASSURANCE_TOO_LOW);
        }
        return Optional.empty();
    }
}
