package mn.gov.khur.it.support.pages;

import mn.gov.khur.it.support.HttpBrowser;

/** A refused self-service ({@code khur-selfservice-refused.ftl}); {@code data-khur-refused} on {@link #REFUSED} says why. */
public final class RefusedPage {

    public static final String REFUSED = "#khur-refused";
    /** The form of "try again" (the lookup was unavailable). */
    public static final String FORM = "#khur-refused-form";
    public static final String RETRY = "#khur-refused-retry";
    public static final String RECOVERY = "#khur-refused-recovery";
    public static final String LOGIN = "#khur-refused-login";

    private RefusedPage() {
    }

    /** Why the self-service was refused ({@code data-khur-refused}: not-confirmed, unavailable, sim-changed, …). */
    public static String reason(HttpBrowser.Page page) {
        return page.document().selectFirst(REFUSED).attr("data-khur-refused");
    }
}
