package mn.gov.khur.it.support.pages;

/**
 * Keycloak's account console (keycloak.v3, theme "khur"): its ids are Keycloak's, except our passkeys page
 * ({@code account/resources/content/khur-passkeys.js}), which links to {@link PasskeysManagePage}.
 */
public final class AccountConsolePages {

    /** The console has loaded: its navigation is there (a nav element at desktop width, a role at phone width). */
    public static final String NAVIGATION = "#app nav, #app [role=navigation]";
    /** Our passkeys page and its link to the management page. */
    public static final String PASSKEYS_PAGE = "#khur-passkeys-page";
    public static final String PASSKEYS_MANAGE = "#khur-passkeys-manage";

    private AccountConsolePages() {
    }
}
