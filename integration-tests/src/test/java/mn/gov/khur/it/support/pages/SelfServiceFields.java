package mn.gov.khur.it.support.pages;

/**
 * The fields the self-service forms share ({@code khur-selfservice-fields.ftl}: registration, recovery, phone
 * change, a bank citizen's new phone), each with its error ({@code input-error-<field>}), and the way back.
 */
public final class SelfServiceFields {

    public static final String REGISTER_NUMBER = "#registerNumber";
    public static final String REGISTER_NUMBER_ERROR = "#input-error-registerNumber";
    public static final String PHONE = "#phone";
    public static final String PHONE_ERROR = "#input-error-phone";
    public static final String PASSWORD_NEW = "#password-new";
    public static final String PASSWORD_NEW_ERROR = "#input-error-password-new";
    public static final String PASSWORD_CONFIRM = "#password-confirm";
    public static final String PASSWORD_CONFIRM_ERROR = "#input-error-password-confirm";
    public static final String CAPTCHA = "#captcha";
    public static final String CAPTCHA_ERROR = "#input-error-captcha";
    /** The captcha picture; in dev mode its {@code data-khur-test-answer} holds the answer (test seam). */
    public static final String CAPTCHA_IMAGE = "#khur-captcha-image";
    /** Back to the login page. */
    public static final String BACK_TO_LOGIN = "#khur-back-to-login";

    private SelfServiceFields() {
    }
}
