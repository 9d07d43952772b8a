package mn.gov.khur.it.support.pages;

/** What the theme's frame ({@code template.ftl}) puts on every login page. */
public final class EveryPage {

    public static final String TITLE = "#kc-page-title";
    /** The register number the login is for, once typed (with Keycloak's "restart login" link). */
    public static final String ATTEMPTED_USERNAME = "#kc-attempted-username";

    /** The page's message (info, warning, error) above the form. */
    public static final String FEEDBACK = ".kc-feedback-text";

    private EveryPage() {
    }
}
