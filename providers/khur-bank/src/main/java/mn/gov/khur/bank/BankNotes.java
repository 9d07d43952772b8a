package mn.gov.khur.bank;

/** Keys of what the register-number mapper leaves in the brokered context for the login steps. */
final class BankNotes {

    /** {@link RegisterNumberProblem} name when the bank's register number is unusable. */
    static final String REGISTER_NUMBER_PROBLEM = "khur.bank.registerNumberProblem";
    /** The {@code acr} of the bank's ID token, when it sent one. */
    static final String BANK_ACR = "khur.bank.acr";

    private BankNotes() {
    }
}
