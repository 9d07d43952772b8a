package mn.gov.khur.bank;

/** Post-broker-login step of every bank login: re-check the assertion, record amr bank and acr substantial. */
public final class BankAssuranceAuthenticatorFactory extends BankStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-bank-assurance";

    public BankAssuranceAuthenticatorFactory() {
        super(PROVIDER_ID, new BankAssuranceAuthenticator(),
                "ХУР bank: assurance (amr bank, acr substantial)",
                "Every bank login: re-checks the bank's register number against the account and records amr bank, "
                        + "acr substantial. Банкаар нэвтрэх бүрт банкны илгээсэн регистрийн дугаарыг бүртгэлтэй "
                        + "тулгаж, amr bank, acr substantial тэмдэглэнэ.");
    }
}
