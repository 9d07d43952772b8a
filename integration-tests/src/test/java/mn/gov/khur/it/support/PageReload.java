package mn.gov.khur.it.support;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser's reload (F5), a duplicated tab or a phone reopening the tab does: a GET of the address
 * bar. After a form post Keycloak renders the next page and puts the step's own address in the bar with
 * {@code history.replaceState}; without JavaScript we read that address from the page.
 */
public final class PageReload {

    private static final Pattern REPLACED_URL = Pattern.compile("history\\.replaceState\\(\\{\\}, \"[^\"]*\", \"([^\"]+)\"\\)");

    private PageReload() {
    }

    /** The address a real browser shows for the current page. */
    public static URI addressBar(HttpBrowser browser) {
        HttpBrowser.Page page = browser.current();
        Matcher replaced = REPLACED_URL.matcher(page.body());
        return replaced.find() ? page.uri().resolve(replaced.group(1).replace("&amp;", "&")) : page.uri();
    }

    /** Reloads the current page (a second tab of the same login is the same request with the same cookies). */
    public static HttpBrowser.Page reload(HttpBrowser browser) {
        return browser.open(addressBar(browser));
    }
}
