package mn.gov.khur.it.support.pages;

/** The USB-token signature page ({@code khur-esign-token.ftl}), which talks to the ESIGN client on the citizen's computer. */
public final class EsignTokenPage {

    public static final String FORM = "#khur-esign-form";
    public static final String REGISTER_NUMBER = "#khur-esign-register-number";
    public static final String SIGN = "#khur-esign-sign";
    /** What the page says while it talks to the client (announced: {@code aria-live}). */
    public static final String STATUS = "#khur-esign-status";
    /** Shown when the ESIGN client does not answer: how to install it. */
    public static final String INSTALL = "#khur-esign-install";
    /** Back to the signature choice. */
    public static final String BACK = "#khur-esign-back";

    private EsignTokenPage() {
    }
}
