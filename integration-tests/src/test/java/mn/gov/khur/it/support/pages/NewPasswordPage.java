package mn.gov.khur.it.support.pages;

/** The new password after a recovery's SMS ({@code khur-new-password.ftl}); its fields are {@link SelfServiceFields}. */
public final class NewPasswordPage {

    public static final String FORM = "#khur-new-password-form";
    public static final String SUBMIT = "#khur-new-password-submit";

    private NewPasswordPage() {
    }
}
