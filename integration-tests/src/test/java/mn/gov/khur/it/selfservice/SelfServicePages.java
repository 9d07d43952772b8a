package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.SelfServiceFields;

/** Helpers for the self-service pages, as a citizen without JavaScript uses them. */
final class SelfServicePages {

    private SelfServicePages() {
    }

    /** Opens a relying party's login page and follows the link with this id (#khur-register, #khur-reset-password). */
    static HttpBrowser.Page openFromLoginPage(HttpBrowser browser, String linkId) {
        HttpBrowser.Page login = browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String href = login.document().selectFirst(linkId).attr("href");
        return browser.open(login.uri().resolve(URI.create(href)));
    }

    /** The captcha's answer through the dev-mode test seam (data-khur-test-answer). */
    static String captchaAnswer(HttpBrowser.Page page) {
        String answer = page.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("data-khur-test-answer");
        assertThat(answer).as("test seam active (KHUR_CAPTCHA_TEST_MODE in dev mode)").matches("[A-Z0-9]{5}");
        assertThat(page.document().selectFirst(SelfServiceFields.CAPTCHA_IMAGE).attr("src")).startsWith("data:image/png;base64,");
        return answer;
    }

    static String otherPhone(String phoneE164) {
        return phoneE164.endsWith("0") ? phoneE164.substring(0, 11) + "1" : phoneE164.substring(0, 11) + "0";
    }
}
