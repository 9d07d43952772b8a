package mn.gov.khur.it.support.pages;

/** Keycloak's own pages in our theme (its templates, our messages): their ids are Keycloak's. */
public final class KeycloakPages {

    /** Logout confirmation (no {@code id_token_hint}): its section and button. */
    public static final String LOGOUT_CONFIRM = "#kc-logout-confirm";
    public static final String LOGOUT = "#kc-logout";
    /** Front-channel logout ({@code frontchannel-logout.ftl}): the sites' logout iframes, then this link on. */
    public static final String FRONT_CHANNEL_CONTINUE = "a#continue";
    /** "Page expired" ({@code login-page-expired.ftl}): start the login again. */
    public static final String LOGIN_RESTART = "#loginRestartLink";
    /** The error page's way back, shown only when there is an application to go back to. */
    public static final String BACK_TO_APPLICATION = "#backToApplication";
    /** Required action "update password": the new password and its confirmation. */
    public static final String NEW_PASSWORD = "#password-new";
    public static final String CONFIRM_PASSWORD = "#password-confirm";

    private KeycloakPages() {
    }
}
