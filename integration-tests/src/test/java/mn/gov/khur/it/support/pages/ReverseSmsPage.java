package mn.gov.khur.it.support.pages;

import mn.gov.khur.it.support.HttpBrowser;

/**
 * The reverse-SMS page ({@code khur-sms-challenge.ftl}) of a login, a registration, a recovery or a phone change:
 * the code to text, the short number to text it to, and Continue (docs/CONTRACTS.md §3).
 */
public final class ReverseSmsPage {

    /** §3: its text is exactly the 6 digits. */
    public static final String CODE = "#khur-sms-code";
    /** §3: the short number. */
    public static final String NUMBER = "#khur-sms-number";
    /** §3: the continue button. */
    public static final String CONTINUE = "#khur-sms-continue";
    /** The form of Continue; {@code data-status-url} is where the page's script asks whether the SMS came. */
    public static final String FORM = "#khur-sms-form";
    /** Shown once the code has expired. */
    public static final String EXPIRED = "#khur-sms-expired";
    public static final String RESEND = "#khur-sms-resend";
    /** What the page says while it waits (announced: {@code aria-live}). */
    public static final String STATUS = "#khur-sms-status";
    /** What to text where, in words (its digits differ from page to page, its words must not). */
    public static final String INSTRUCTION = ".khur-sms__instruction";
    /** The other ways in, for a citizen whose phone cannot text. */
    public static final String OTHER_WAYS = "#khur-sms-other-ways";

    private ReverseSmsPage() {
    }

    /** Where the page's script asks whether the SMS came ({@code data-status-url} of the form). */
    public static String statusUrl(HttpBrowser.Page page) {
        return page.document().selectFirst(FORM).attr("data-status-url");
    }
}
