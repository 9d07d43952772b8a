package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reverse-SMS login step against the real server, as a citizen without JavaScript meets it. */
@ExtendWith(KhurServerExtension.class)
class ReverseSmsLoginIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private String userId;
    private HttpBrowser browser;
    private OidcRelyingParty rp;
    private OidcRelyingParty.PendingLogin login;

    @BeforeEach
    void citizenAtTheChallengePage() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        browser = new HttpBrowser();
        rp = OidcRelyingParty.demo();
        login = rp.begin();
        browser.open(login.authorizationUri());
    }

    @Test
    void challengePageShowsACodeAndTheShortNumber() {
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(page.text(ReverseSmsPage.CODE)).matches("\\d{6}");
        assertThat(page.text(ReverseSmsPage.NUMBER)).isEqualTo("130092");
        assertThat(page.has(ReverseSmsPage.CONTINUE)).isTrue();
        assertThat(page.body()).contains("sms:130092").contains("<svg");
    }

    @Test
    void registerNumberIsAcceptedInLowerCaseWithSurroundingSpaces() {
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, "  " + citizen.username() + " ", citizen.password());
        assertThat(page.has(ReverseSmsPage.CODE)).isTrue();
    }

    @Test
    void continueBeforeTheSmsArrivedKeepsWaitingPolitely() {
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        String code = CitizenLogin.shownCode(page);
        HttpBrowser.Page again = CitizenLogin.pressContinue(browser);
        assertThat(again.leftIdp()).isFalse();
        assertThat(again.text(ReverseSmsPage.CODE)).isEqualTo(code);
        assertThat(again.body()).contains("khur-sms-status");
    }

    @Test
    void wrongCodeFromTheRightPhoneDoesNotLogIn() {
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertStatus(gateway.send(citizen.phoneE164(), wrong), "unmatched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isFalse();
        JsonNode attacks = admin.attackDetection(userId);
        assertThat(attacks.get("numFailures").asInt()).as("a wrong code by SMS counts as a failed attempt").isGreaterThanOrEqualTo(1);
    }

    @Test
    void rightCodeFromAnotherPhoneDoesNotLogIn() {
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        String otherPhone = citizen.phoneE164().endsWith("0") ? citizen.phoneE164().substring(0, 11) + "1"
                : citizen.phoneE164().substring(0, 11) + "0";
        assertStatus(gateway.send(otherPhone, code), "unmatched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isFalse();
        // and the real phone still can
        assertStatus(gateway.send(citizen.phoneE164(), code), "matched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    @Test
    void aCodeWorksOnceAndARedeliveryOfTheSameMessageIsADuplicate() {
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        String body = InboundSmsClient.body("once-" + java.util.UUID.randomUUID(), citizen.phoneE164(), "130092", code);
        assertStatus(gateway.sendSigned(body), "matched");
        assertStatus(gateway.sendSigned(body), "duplicate");
        assertStatus(gateway.send(citizen.phoneE164(), code), "unmatched");
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).isTrue();
        OidcRelyingParty.LoginResult result = rp.finish(login, back.uri());
        assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    /** Issue 21.1: the new code works, and the one shown before stays valid until it expires (ReverseSmsReloadIT). */
    @Test
    void newCodeLogsIn() {
        String first = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        HttpBrowser.Page renewed = browser.submit(ReverseSmsPage.FORM, Map.of(), "resend");
        String second = CitizenLogin.shownCode(renewed);
        assertThat(second).isNotEqualTo(first);
        assertStatus(gateway.send(citizen.phoneE164(), second), "matched");
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    @Test
    void statusEndpointTurnsMatchedWhenTheSmsArrives() {
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        String statusUrl = ReverseSmsPage.statusUrl(page);
        assertThat(statusUrl).contains("/sms-gateway/challenges/");
        assertThat(browser.get(java.net.URI.create(statusUrl)).body()).contains("pending");
        assertStatus(gateway.send(citizen.phoneE164(), CitizenLogin.shownCode(page)), "matched");
        assertThat(browser.get(java.net.URI.create(statusUrl)).body()).contains("matched");
    }

    @Test
    void wrongPasswordAndUnknownRegisterNumberLookTheSame() {
        HttpBrowser.Page wrongPassword = CitizenLogin.passwordStep(browser, citizen.registerNumber(), "Wrong1234x");
        String wrongPasswordError = wrongPassword.text("[id^=input-error]");
        HttpBrowser other = new HttpBrowser();
        other.open(rp.begin().authorizationUri());
        HttpBrowser.Page unknownUser = CitizenLogin.passwordStep(other, TestCitizen.random().registerNumber(), "Wrong1234x");
        assertThat(unknownUser.text("[id^=input-error]")).isEqualTo(wrongPasswordError);
        assertThat(wrongPassword.has(ReverseSmsPage.CODE)).isFalse();
    }

    @Test
    void repeatedBadPasswordsFromManyNetworksLockTheAccount() {
        // one network is throttled long before the account's limit (PasswordThrottleIT): it takes several to lock it
        int networks = PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 40);
        assertThat(networks).isGreaterThan(1);
        JsonNode attacks = admin.attackDetection(userId);
        assertThat(attacks.get("disabled").asBoolean()).isTrue();
        assertThat(attacks.get("numFailures").asInt()).isGreaterThanOrEqualTo(admin.realm().get("failureFactor").asInt());
        HttpBrowser.Page withRightPassword = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(withRightPassword.has(ReverseSmsPage.CODE)).as("a locked account gets no code").isFalse();
    }

    @Test
    void successfulLoginLeavesAnEventWithMethodAndMaskedPhone() {
        OidcRelyingParty.PendingLogin fresh = rp.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), fresh, citizen);
        rp.finish(fresh, back.uri());
        JsonNode events = admin.events(userId, "LOGIN");
        assertThat(events).isNotEmpty();
        JsonNode details = events.get(0).get("details");
        assertThat(details.get("auth_method").asText()).isEqualTo("khur-reverse-sms");
        String masked = details.get("khur_phone").asText();
        assertThat(masked).contains("****").doesNotContain(citizen.phoneE164().substring(6, 10));
        assertThat(admin.user(userId).at("/attributes/phone_number_verified/0").asText()).isEqualTo("true");
    }

    private static void assertStatus(HttpResponse<String> response, String status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo(status);
    }
}
