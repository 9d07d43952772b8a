package mn.gov.khur.it.support.pages;

import mn.gov.khur.it.support.HttpBrowser;

/** The end of a self-service ({@code khur-selfservice-done.ftl}); {@code data-khur-done} on {@link #DONE} says which one. */
public final class DonePage {

    public static final String DONE = "#khur-done";
    /** After a registration whose names the state registry will send later. */
    public static final String REGISTRY = "#khur-done-registry";
    /** After a recovery or a phone change: the citizen's passkeys, still valid, and the way to manage them. */
    public static final String PASSKEY_LIST = "#khur-done-passkey-list";
    public static final String PASSKEYS_MANAGE = "#khur-done-passkeys-manage";

    private DonePage() {
    }

    /** Which self-service ended ({@code data-khur-done}: registration, password-reset, phone-change). */
    public static String outcome(HttpBrowser.Page page) {
        return page.document().selectFirst(DONE).attr("data-khur-done");
    }

    /** Whether the names came from the state registry ({@code data-khur-registry}: verified, later). */
    public static String registry(HttpBrowser.Page page) {
        return page.document().selectFirst(REGISTRY).attr("data-khur-registry");
    }
}
