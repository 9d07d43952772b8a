package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIM-swap hold (docs/SECURITY.md, "Self-service": recovery and phone change by SMS alone): when the operator reports that
 * the phone's SIM changed within the hold (7 days in the realm), the matched SMS does not reset the
 * password or bind the phone; an old swap does not block; an unreachable lookup is "try again later".
 * Registration has no hold by default (its own config, 0 days).
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceSimSwapIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private String userId;
    private HttpBrowser browser;

    @BeforeEach
    void citizen() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        browser = new HttpBrowser();
    }

    @Test
    void recoveryIsRefusedAfterTheSmsWhenTheSimChangedTwoDaysAgo() {
        SandboxSubscribers.service().registry().simChanged(citizen.phoneE164(), Instant.now().minus(Duration.ofDays(2)));
        HttpBrowser.Page afterSms = recoverUpToTheSms();

        assertThat(afterSms.status()).isEqualTo(403);
        assertThat(afterSms.has(NewPasswordPage.FORM)).isFalse();
        assertThat(RefusedPage.reason(afterSms)).isEqualTo("sim-changed");
        assertThat(afterSms.body()).contains("SIM карт сүүлийн 7 хоногт солигдсон");
        assertThat(admin.events(userId, "RESET_PASSWORD_ERROR").toString()).contains("khur_sim_recently_changed");
        HttpBrowser again = new HttpBrowser();
        again.open(OidcRelyingParty.demo().begin().authorizationUri());
        assertThat(CitizenLogin.passwordStep(again, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
                .as("the password was not changed").isTrue();
    }

    @Test
    void aSwapOlderThanTheHoldDoesNotBlockRecovery() {
        SandboxSubscribers.service().registry().simChanged(citizen.phoneE164(), Instant.now().minus(Duration.ofDays(30)));
        assertThat(recoverUpToTheSms().has(NewPasswordPage.FORM)).isTrue();
    }

    @Test
    void anUnreachableLookupIsTryAgainLaterNeverAPass() {
        SandboxSubscribers.service().setDown(true);
        try {
            HttpBrowser.Page afterSms = recoverUpToTheSms();
            assertThat(afterSms.status()).as("a clear page, never a 5xx").isLessThan(500);
            assertThat(afterSms.has(NewPasswordPage.FORM)).isFalse();
            assertThat(RefusedPage.reason(afterSms)).isEqualTo("unavailable");
            assertThat(afterSms.body()).contains("дахин оролдоно уу");
        } finally {
            SandboxSubscribers.service().setDown(false);
        }
    }

    @Test
    void phoneChangeIsRefusedWhenTheNewPhonesSimChangedYesterday() {
        String newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());
        SandboxSubscribers.service().registry().simChanged(newPhone, Instant.now().minus(Duration.ofDays(1)));
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.CHANGE_PHONE);
        Map<String, String> fields = new HashMap<>();
        fields.put("registerNumber", citizen.registerNumber());
        fields.put("phone", newPhone);
        fields.put("captcha", SelfServicePages.captchaAnswer(form));
        String code = CitizenLogin.shownCode(browser.submit(PhoneChangePage.FORM, fields, "submitPhoneChange"));
        assertThat(gateway.send(newPhone, code).body()).contains("\"matched\"");

        HttpBrowser.Page afterSms = CitizenLogin.pressContinue(browser);
        assertThat(afterSms.status()).isEqualTo(403);
        assertThat(afterSms.has(DonePage.DONE)).isFalse();
        assertThat(admin.user(userId).path("attributes").path("phone_number").get(0).asText()).isEqualTo(citizen.phoneE164());
    }

    @Test
    void registrationHasNoHoldByDefault() {
        TestCitizen newcomer = TestCitizen.random();
        SandboxSubscribers.registerOwner(newcomer.phoneE164(), newcomer.registerNumber());
        SandboxSubscribers.service().registry().simChanged(newcomer.phoneE164(), Instant.now().minus(Duration.ofDays(1)));
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.REGISTER);
        Map<String, String> fields = new HashMap<>();
        fields.put("registerNumber", newcomer.registerNumber());
        fields.put("phone", newcomer.phoneE164());
        fields.put("password-new", newcomer.password());
        fields.put("password-confirm", newcomer.password());
        fields.put("captcha", SelfServicePages.captchaAnswer(form));
        String code = CitizenLogin.shownCode(browser.submit(RegistrationPage.FORM, fields, "submitRegistration"));
        assertThat(gateway.send(newcomer.phoneE164(), code).body()).contains("\"matched\"");
        assertThat(CitizenLogin.pressContinue(browser).has(DonePage.DONE)).isTrue();
    }

    private HttpBrowser.Page recoverUpToTheSms() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        String code = CitizenLogin.shownCode(browser.submit(RecoveryPage.FORM,
                Map.of("registerNumber", citizen.registerNumber(), "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery"));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(browser);
    }
}
