package mn.gov.khur.it.support.pages;

/** Registration by phone ({@code khur-register.ftl}); its fields are {@link SelfServiceFields}. */
public final class RegistrationPage {

    public static final String FORM = "#khur-register-form";
    public static final String SUBMIT = "#khur-register-submit";

    private RegistrationPage() {
    }
}
