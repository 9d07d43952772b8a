package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PageReload;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.EveryPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21.2 on the login page: when an SMS came but did not complete the login, the page says why, with only
 * what the holder of the phone already knows (the masked number the page shows anyway); the webhook's
 * answers stay matched / unmatched / duplicate.
 */
@ExtendWith(KhurServerExtension.class)
class ReverseSmsFeedbackIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private HttpBrowser browser;
    private String code;

    @BeforeEach
    void citizenAtTheChallengePage() {
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        browser = new HttpBrowser();
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
    }

    @Test
    void nothingArrivedYetAsksForTheRegisteredPhoneByItsMaskedNumber() {
        String said = feedback(CitizenLogin.pressContinue(browser));
        assertThat(said).contains("хараахан ирээгүй").contains(masked(citizen.phoneE164())).contains("бүртгэлтэй гар утасны");
    }

    @Test
    void aDifferentCodeFromTheRegisteredPhoneIsToldOnThePage() {
        assertStatus(gateway.send(citizen.phoneE164(), otherCode(code)), "unmatched");
        String said = feedback(CitizenLogin.pressContinue(browser));
        assertThat(said).as("the page says an SMS came from the phone with another code")
                .contains("өөр код").contains(masked(citizen.phoneE164())).doesNotContain("хараахан ирээгүй");
        assertThat(said).doesNotContain(citizen.phoneE164().substring(4));
        // the right code afterwards still logs in
        assertStatus(gateway.send(citizen.phoneE164(), code), "matched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    @Test
    void theRightCodeFromAnotherNumberIsToldWithTheNumberThePageAlreadyShows() {
        String otherPhone = otherPhone(citizen.phoneE164());
        assertStatus(gateway.send(otherPhone, code), "unmatched");
        HttpBrowser.Page page = CitizenLogin.pressContinue(browser);
        String said = feedback(page);
        assertThat(said).as("the page says the code came from another number and names the expected one masked")
                .contains("өөр дугаараас").contains(masked(citizen.phoneE164()));
        assertThat(page.body()).doesNotContain(citizen.phoneE164().substring(4)).doesNotContain(otherPhone.substring(4))
                .doesNotContain(masked(otherPhone));
        assertStatus(gateway.send(citizen.phoneE164(), code), "matched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    @Test
    void aReloadShowsTheFeedbackToo() {
        assertStatus(gateway.send(citizen.phoneE164(), otherCode(code)), "unmatched");
        HttpBrowser.Page reloaded = PageReload.reload(browser);
        assertThat(CitizenLogin.shownCode(reloaded)).isEqualTo(code);
        assertThat(feedback(reloaded)).contains("өөр код");
    }

    @Test
    void theWaitingPageLearnsTheFeedbackFromItsStatusAddress() {
        URI status = URI.create(ReverseSmsPage.statusUrl(browser.current()));
        assertThat(Json.parse(browser.get(status).body()).path("feedback").isMissingNode()).isTrue();
        assertStatus(gateway.send(otherPhone(citizen.phoneE164()), code), "unmatched");
        assertThat(Json.parse(browser.get(status).body()).path("feedback").asText()).isEqualTo("other_number");
        assertStatus(gateway.send(citizen.phoneE164(), otherCode(code)), "unmatched");
        assertThat(Json.parse(browser.get(status).body()).path("feedback").asText()).isEqualTo("wrong_code");
        assertThat(browser.current().document().selectFirst(ReverseSmsPage.FORM).attr("data-text-feedback-wrong-code"))
                .contains("өөр код");
    }

    static String feedback(HttpBrowser.Page page) {
        return page.document().select(EveryPage.FEEDBACK).text();
    }

    static String masked(String e164) {
        return "+976 " + e164.substring(4, 6) + "****" + e164.substring(10);
    }

    static String otherCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    static String otherPhone(String e164) {
        return e164.endsWith("0") ? e164.substring(0, 11) + "1" : e164.substring(0, 11) + "0";
    }

    private static void assertStatus(HttpResponse<String> response, String status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo(status);
    }
}
