package mn.gov.khur.it.support.pages;

/**
 * Creating a passkey ({@code webauthn-register.ftl}): the offer right after a fresh login (required action
 * khur-passkey-offer) and Keycloak's own registration; after a failed creation, Keycloak's error page
 * ({@code webauthn-error.ftl}) with "try again" and the same skip.
 */
public final class PasskeyOfferPage {

    /** Asks the browser to create the passkey (the page's script then posts {@link #REGISTER_FORM}). */
    public static final String CREATE = "#khur-passkey-create";
    /** The hidden form the new credential is posted in (Keycloak's id and field names). */
    public static final String REGISTER_FORM = "#register";
    /** "Алгасах" (the offer and the error page after it). */
    public static final String SKIP_FORM = "#khur-passkey-skip-form";
    public static final String SKIP = "#khur-passkey-skip";
    /** The error page after a failed creation: try again. */
    public static final String TRY_AGAIN = "#kc-try-again";

    private PasskeyOfferPage() {
    }
}
