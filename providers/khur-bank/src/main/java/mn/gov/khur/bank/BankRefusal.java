package mn.gov.khur.bank;

/** Why a bank login is refused: the message the citizen sees (theme key) and the audited event error. */
public enum BankRefusal {
    BANK_NOT_TRUSTED("khurBankNotTrusted", "khur_bank_not_trusted"),
    REGISTER_NUMBER_MISSING("khurBankRegisterNumberMissing", "khur_bank_register_number_missing"),
    REGISTER_NUMBER_INVALID("khurBankRegisterNumberInvalid", "khur_bank_register_number_invalid"),
    BANK_ACR_NOT_ACCEPTED("khurBankAcrNotAccepted", "khur_bank_acr_not_accepted"),
    ASSURANCE_TOO_LOW("khurBankAssuranceTooLow", "khur_bank_assurance_too_low"),
    ACCOUNT_LINKED_TO_OTHER_BANK_IDENTITY("khurBankAlreadyLinked", "khur_bank_already_linked"),
    REGISTER_NUMBER_MISMATCH("khurBankRegisterNumberMismatch", "khur_bank_register_number_mismatch"),
    PROFILE_REJECTED("khurBankProfileRejected", "khur_bank_profile_rejected");

    private final String messageKey;
    private final String eventError;

    BankRefusal(String messageKey, String eventError) {
        this.messageKey = messageKey;
        this.eventError = eventError;
    }

    public String messageKey() {
        return messageKey;
    }

    public String eventError() {
        return eventError;
    }
}
