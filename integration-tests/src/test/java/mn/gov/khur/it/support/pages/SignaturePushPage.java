package mn.gov.khur.it.support.pages;

/**
 * The SIM and cloud signature pages ({@code khur-esign-push.ftl}): the start form (register number and phone),
 * then the waiting page with the verification code the phone must show too.
 */
public final class SignaturePushPage {

    public static final String FORM = "#khur-esign-push-form";
    public static final String REGISTER_NUMBER = EsignTokenPage.REGISTER_NUMBER;
    public static final String PHONE = "#khur-esign-phone";
    public static final String SIGN = "#khur-esign-push-sign";
    /** The waiting page's form (check, cancel). */
    public static final String WAIT = "#khur-esign-push-wait";
    /** The code the citizen compares with the one on the phone. */
    public static final String VERIFICATION_CODE = "#khur-esign-verification-code";
    /** What the page says while it waits (announced: {@code aria-live}). */
    public static final String STATUS = "#khur-esign-push-status";
    /** The "the codes differ" way out. */
    public static final String CODE_MISMATCH = "#khur-esign-code-mismatch";
    public static final String BACK = EsignTokenPage.BACK;

    private SignaturePushPage() {
    }
}
