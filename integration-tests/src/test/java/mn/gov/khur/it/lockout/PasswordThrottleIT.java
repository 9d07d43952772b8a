package mn.gov.khur.it.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 8, lockout abuse: wrong passwords from one network must not lock a citizen out. Each network
 * (a client address of its own, 127.0.0.n on loopback) has a small budget of wrong passwords per account; once spent,
 * that network is told to wait before its password is even checked, and nothing more counts against the account.
 */
@ExtendWith(KhurServerExtension.class)
class PasswordThrottleIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void tenQuickWrongPasswordsFromOneNetworkDoNotLockTheCitizenOut() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);

        HttpBrowser.Page last = PasswordGuessing.guess(21, citizen.registerNumber(), 10, "mn");

        // the citizen, on their own network, logs in as usual: password, then the reverse SMS
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser citizensBrowser = HttpBrowser.from(HttpBrowser.loopback(22), "mn");
        citizensBrowser.open(login.authorizationUri());
        HttpBrowser.Page challenge = CitizenLogin.passwordStep(citizensBrowser, citizen.registerNumber(), citizen.password());
        assertThat(challenge.has(ReverseSmsPage.CODE)).as("the right password still leads to the SMS step: %s",
                challenge.body()).isTrue();
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), CitizenLogin.shownCode(challenge)).body()).contains("matched");
        HttpBrowser.Page back = CitizenLogin.pressContinue(citizensBrowser);
        assertThat(rp.finish(login, back.uri()).idToken().getSubject()).isEqualTo(userId);

        assertThat(PasswordGuessing.throttled(last)).as("the attacker's network is told to wait: %s", last.body()).isTrue();
        assertThat(last.status()).isEqualTo(200);
        JsonNode attacks = admin.attackDetection(userId);
        assertThat(attacks.path("disabled").asBoolean()).as("the account is not locked").isFalse();

        JsonNode refusals = admin.events(userId, "LOGIN_ERROR");
        assertThat(refusals).anySatisfy(event -> {
            assertThat(event.path("details").path("khur_reason").asText()).isEqualTo("network_throttled");
            assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-username-password-form");
            assertThat(event.path("ipAddress").asText()).isEqualTo("127.0.0.21");
        });
    }

    @Test
    void aThrottledNetworkIsRefusedBeforeItsPasswordIsChecked() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        PasswordGuessing.guess(23, citizen.registerNumber(), 10, "mn");

        // the right password from the throttled network: still the same answer, so it cannot test guesses
        HttpBrowser browser = HttpBrowser.from(HttpBrowser.loopback(23), "en");
        browser.open(rp.begin("openid", java.util.Map.of("ui_locales", "en")).authorizationUri());
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password());
        assertThat(page.has(ReverseSmsPage.CODE)).as("no code for a throttled network").isFalse();
        assertThat(page.body()).contains(PasswordGuessing.THROTTLED_EN);
        assertThat(page.has(LoginPage.FORM)).as("the login page again, with the message").isTrue();
    }

    @Test
    void anUnknownRegisterNumberIsThrottledTheSameWay() {
        HttpBrowser.Page known = PasswordGuessing.guess(24, registered().registerNumber(), 10, "mn");
        HttpBrowser.Page unknown = PasswordGuessing.guess(24, TestCitizen.random().registerNumber(), 10, "mn");
        assertThat(PasswordGuessing.throttled(unknown)).isTrue();
        assertThat(unknown.text("[id^=input-error]")).isEqualTo(known.text("[id^=input-error]"));
    }

    private TestCitizen registered() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        return citizen;
    }
}
