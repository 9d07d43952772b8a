package mn.gov.khur.it.support.pages;

/**
 * The entry page where every method meets ({@code login.ftl}): register number and password, the banks, the
 * digital signatures and the self-service links. The ids of docs/CONTRACTS.md §3 are public: relying parties'
 * and citizens' automation clicks them.
 */
public final class LoginPage {

    public static final String FORM = "#kc-form-login";
    /** §3: the register number. */
    public static final String USERNAME = "#username";
    /** §3 */
    public static final String PASSWORD = "#password";
    /** §3: the submit button. */
    public static final String LOGIN = "#kc-login";
    public static final String USERNAME_ERROR = "#input-error-username";
    public static final String PASSWORD_ERROR = "#input-error-password";
    /** The notice of a temporarily locked account, with links to the ways in that still work. */
    public static final String ACCOUNT_LOCKED = "#khur-account-locked";
    /** The relying party's name, saying where the citizen is logging in to. */
    public static final String CLIENT_NAME = "#khur-client-name";

    /** §3: the method links. */
    public static final String METHOD_OTP = "#khur-method-otp";
    public static final String METHOD_BANK = "#khur-method-bank";
    public static final String METHOD_ESIGN_TOKEN = "#khur-method-esign-token";
    public static final String METHOD_ESIGN_SIM = "#khur-method-esign-sim";
    public static final String METHOD_ESIGN_CLOUD = "#khur-method-esign-cloud";
    /** §3: "Passkey-ээр нэвтрэх" ({@code khur-passkey-entry.ftl}), shown only where the browser has WebAuthn. */
    public static final String METHOD_PASSKEY = "#khur-method-passkey";
    /** The hidden form the passkey's assertion is posted in (Keycloak's id and field names). */
    public static final String PASSKEY_ASSERTION_FORM = "#webauth";
    /** The bank chooser's section. */
    public static final String BANKS = "#khur-banks";
    /** The digital signatures' section. */
    public static final String SIGNATURES = "#khur-signatures";
    /** The form behind the signature buttons (field {@code method}: token, sim, cloud). */
    public static final String ESIGN_ENTRY = "#khur-esign-entry";

    /** §3: the self-service links. */
    public static final String REGISTER = "#khur-register";
    public static final String RESET_PASSWORD = "#khur-reset-password";
    public static final String CHANGE_PHONE = "#khur-change-phone";

    private LoginPage() {
    }

    /** The bank chooser's link to one bank, by its identity-provider alias ({@code khanbank}, {@code golomt}, …). */
    public static String bank(String alias) {
        return "#khur-bank-" + alias;
    }

    /** §3: the entry page's button for one signature method ({@code token}, {@code sim}, {@code cloud}). */
    public static String signatureMethod(String method) {
        return "#khur-method-esign-" + method;
    }
}
