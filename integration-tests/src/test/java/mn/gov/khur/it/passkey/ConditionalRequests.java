package mn.gov.khur.it.passkey;

import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Chromium's virtual authenticator answers the page's passkey autofill request (navigator.credentials.get with
 * conditional mediation) at once, as if the citizen always picked the suggestion. To test the button, the test
 * can play a citizen who ignores the autofill: that request then stays pending, as it does in a real browser
 * until the citizen picks something. Nothing else the page does is changed.
 */
final class ConditionalRequests {

    private static final String FLAG = "khurTestIgnoresAutofill";
    private static final String WATCH = """
            (() => {
              if (!window.navigator.credentials) { return; }
              const get = navigator.credentials.get.bind(navigator.credentials);
              navigator.credentials.get = (options) => {
                if (options && options.mediation === 'conditional' && sessionStorage.getItem('%s') === '1') {
                  return new Promise(() => {});
                }
                return get(options);
              };
            })();
            """.formatted(FLAG);

    private ConditionalRequests() {
    }

    /** For every page this browser loads from now on. */
    static void watch(ChromeDriver browser) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    }

    /** From the next page of this site on (this tab), the citizen ignores the autofill suggestion. */
    static void ignoreAutofill(ChromeDriver browser) {
        browser.executeScript("sessionStorage.setItem(arguments[0], '1')", FLAG);
    }
}
