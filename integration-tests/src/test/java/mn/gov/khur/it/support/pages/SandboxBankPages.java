package mn.gov.khur.it.support.pages;

/** A sandbox bank's pages (realms {@code sandbox-bank-*}, Keycloak's own login theme): its login and its consent. */
public final class SandboxBankPages {

    public static final String LOGIN_FORM = "#kc-form-login";
    public static final String USERNAME = "#username";
    public static final String PASSWORD = "#password";
    public static final String LOGIN = "#kc-login";
    public static final String USERNAME_ERROR = "#input-error-username";
    /** The consent page's "allow" button. */
    public static final String ACCEPT = "[name=accept]";

    private SandboxBankPages() {
    }
}
