package mn.gov.khur.bank;

/** First-broker-login step of bank login: link by verified register number, or register. */
public final class BankFirstLoginAuthenticatorFactory extends BankStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-bank-first-login";

    public BankFirstLoginAuthenticatorFactory() {
        super(PROVIDER_ID, new BankFirstLoginAuthenticator(),
                "ХУР bank: link or register by register number",
                "First bank login: links the bank identity to the citizen with the same verified register number, "
                        + "or registers a new citizen. Never links by e-mail or username. Анх банкаар нэвтрэхэд ижил "
                        + "баталгаажсан регистрийн дугаартай иргэнтэй холбоно, эсвэл шинээр бүртгэнэ; и-мэйл, "
                        + "нэвтрэх нэрээр хэзээ ч холбохгүй.");
    }
}
