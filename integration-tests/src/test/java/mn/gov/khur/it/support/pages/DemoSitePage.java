package mn.gov.khur.it.support.pages;

/** The example relying party ({@code demo-rp/}): the claims it shows after a login, its errors and its logout. */
public final class DemoSitePage {

    public static final String ERROR = "#error";
    public static final String LOGIN = "#login";
    public static final String LOGOUT = "#logout";
    public static final String LOGGED_OUT = "#logged-out";
    public static final String CLAIM_REGISTER_NUMBER = claim("register_number");
    public static final String CLAIM_ACR = claim("acr");
    public static final String CLAIM_AMR = claim("amr");

    private DemoSitePage() {
    }

    /** The row of one claim of the ID token. */
    public static String claim(String name) {
        return "#claim-" + name;
    }
}
