package mn.gov.khur.it.support.pages;

/** Phone-number change ({@code khur-change-phone.ftl}); its fields are {@link SelfServiceFields}. */
public final class PhoneChangePage {

    public static final String FORM = "#khur-change-phone-form";
    public static final String SUBMIT = "#khur-change-phone-submit";

    private PhoneChangePage() {
    }
}
