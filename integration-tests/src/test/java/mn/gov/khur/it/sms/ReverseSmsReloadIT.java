package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PageReload;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21.1 (contract §3): a reload, a second tab of the same login, or a phone reopening the tab after the
 * messages app keeps the pending code; the code first shown logs the citizen in; only "Шинэ код авах" makes a
 * new one, and the codes shown before it keep working until they expire.
 */
@ExtendWith(KhurServerExtension.class)
class ReverseSmsReloadIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private HttpBrowser browser;
    private OidcRelyingParty rp;
    private OidcRelyingParty.PendingLogin login;

    @BeforeEach
    void citizenAtTheChallengePage() {
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        browser = new HttpBrowser();
        rp = OidcRelyingParty.demo();
        login = rp.begin();
        browser.open(login.authorizationUri());
    }

    @Test
    void aReloadShowsTheSameCodeAndTheCodeFirstShownLogsIn() {
        String first = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        HttpBrowser.Page reloaded = PageReload.reload(browser);
        assertThat(CitizenLogin.shownCode(reloaded)).as("F5 keeps the pending code").isEqualTo(first);
        HttpBrowser.Page again = PageReload.reload(browser);
        assertThat(CitizenLogin.shownCode(again)).isEqualTo(first);

        assertStatus(gateway.send(citizen.phoneE164(), first), "matched");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).as("the code first shown completes the login: %s", back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void theStatusAddressOfTheFirstPageStillTurnsMatchedAfterAReload() {
        HttpBrowser.Page first = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        URI firstStatus = URI.create(ReverseSmsPage.statusUrl(first));
        HttpBrowser.Page reloaded = PageReload.reload(browser);
        assertThat(ReverseSmsPage.statusUrl(reloaded))
                .as("a second tab polls the same challenge").isEqualTo(firstStatus.toString());
        assertStatus(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(first)), "matched");
        assertThat(browser.get(firstStatus).body()).contains("matched");
    }

    @Test
    void aPhoneReopeningTheTabAfterTheSmsWasMatchedContinuesTheLogin() {
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertStatus(gateway.send(citizen.phoneE164(), code), "matched");
        HttpBrowser.Page reopened = PageReload.reload(browser);
        assertThat(reopened.leftIdp()).as("the reload itself continues: %s", reopened.body()).isTrue();
        assertThat(rp.finish(login, reopened.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    void aCodeShownBeforeANewCodeStillLogsInUntilItExpires() {
        String first = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        String second = CitizenLogin.shownCode(browser.submit(ReverseSmsPage.FORM, Map.of(), "resend"));
        assertThat(second).as("one sender never has two pending challenges with the same code").isNotEqualTo(first);
        assertThat(CitizenLogin.shownCode(PageReload.reload(browser))).as("a reload shows the newest code").isEqualTo(second);

        assertStatus(gateway.send(citizen.phoneE164(), first), "matched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).as("the SMS with the earlier code completes the login").isTrue();
        assertStatus(gateway.send(citizen.phoneE164(), second), "unmatched"); // one login, one SMS: the others are gone
    }

    @Test
    void aNewLoginInAnotherTabHasItsOwnCodeAndEachCodeCompletesOnlyItsOwnLogin() {
        String first = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        HttpBrowser.Page firstTab = browser.current();

        OidcRelyingParty.PendingLogin secondLogin = rp.begin();
        browser.open(secondLogin.authorizationUri()); // a new authorization request: Keycloak gives it its own tab_id
        String second = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(second).isNotEqualTo(first);

        assertStatus(gateway.send(citizen.phoneE164(), second), "matched");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        rp.finish(secondLogin, back.uri());
        // the first tab's code is still its own: it was never shown to the second login and stays pending
        assertThat(browser.get(URI.create(ReverseSmsPage.statusUrl(firstTab))).body())
                .contains("pending");
    }

    private static void assertStatus(HttpResponse<String> response, String status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo(status);
    }
}
