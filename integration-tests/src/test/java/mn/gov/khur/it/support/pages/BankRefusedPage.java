package mn.gov.khur.it.support.pages;

/** A bank login we refuse after the bank ({@code khur-bank-refused.ftl}), with the ways back. */
public final class BankRefusedPage {

    public static final String REFUSED = "#khur-bank-refused";
    public static final String BACK_TO_SITE = "#khur-back-to-site";
    public static final String BACK_TO_LOGIN = SelfServiceFields.BACK_TO_LOGIN;

    private BankRefusedPage() {
    }
}
