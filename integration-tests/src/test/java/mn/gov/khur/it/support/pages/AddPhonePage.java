package mn.gov.khur.it.support.pages;

import mn.gov.khur.it.support.HttpBrowser;

/**
 * A bank-registered citizen adds a phone after a bank login ({@code khur-bank-add-phone.ftl}): the offer, the
 * phone form (its field is {@link SelfServiceFields#PHONE}), the refusal with a retry, and the end.
 */
public final class AddPhonePage {

    public static final String INTRO = "#khur-add-phone-intro";
    public static final String FORM = "#khur-add-phone-form";
    public static final String SUBMIT = "#khur-add-phone-submit";
    public static final String SKIP_FORM = "#khur-add-phone-skip-form";
    public static final String SKIP = "#khur-add-phone-skip";
    public static final String REFUSED = "#khur-add-phone-refused";
    public static final String RETRY_FORM = "#khur-add-phone-retry-form";
    public static final String RETRY = "#khur-add-phone-retry";
    public static final String DONE = "#khur-add-phone-done";
    public static final String CONTINUE_FORM = "#khur-add-phone-continue-form";
    public static final String CONTINUE = "#khur-add-phone-continue";

    private AddPhonePage() {
    }

    /** Why the new phone was refused ({@code data-khur-refused}). */
    public static String refusal(HttpBrowser.Page page) {
        return page.document().selectFirst(REFUSED).attr("data-khur-refused");
    }
}
