package mn.gov.khur.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

/** A citizen logging in without JavaScript: password form, then texting the shown code. */
public final class CitizenLogin {

    private CitizenLogin() {
    }

    /** Submits register number + password and returns the challenge page. */
    public static HttpBrowser.Page passwordStep(HttpBrowser browser, String registerNumberAsTyped, String password) {
        return browser.submit(LoginPage.FORM, Map.of("username", registerNumberAsTyped, "password", password), null);
    }

    public static String shownCode(HttpBrowser.Page challengePage) {
        String code = challengePage.text(ReverseSmsPage.CODE);
        assertThat(code).matches("\\d{6}");
        return code;
    }

    public static HttpBrowser.Page pressContinue(HttpBrowser browser) {
        return browser.submit(ReverseSmsPage.FORM, Map.of(), "continue");
    }

    /** The whole login: returns the redirect back to the relying party. */
    public static HttpBrowser.Page logIn(HttpBrowser browser, OidcRelyingParty.PendingLogin login, TestCitizen citizen) {
        browser.open(login.authorizationUri());
        HttpBrowser.Page challenge = passwordStep(browser, citizen.registerNumber(), citizen.password());
        String code = shownCode(challenge);
        HttpResponse<String> sms = new InboundSmsClient().send(citizen.phoneE164(), code);
        assertThat(sms.statusCode()).isEqualTo(200);
        assertThat(sms.body()).contains("\"matched\"");
        HttpBrowser.Page back = pressContinue(browser);
        assertThat(back.leftIdp()).as("redirected back to the RP, page was: %s", back.body()).isTrue();
        return back;
    }
}
