package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.PageReload;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21.1 and 21.2 on the self-service SMS page (same mechanism as the login's): a reload keeps the code,
 * the "not arrived yet" text names the phone each purpose needs (the new one for a phone change), and what
 * an SMS that came but did not count is told only as far as the page's viewer already knows it: recovery,
 * whose page names no phone, answers a real account and an unknown register number alike.
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceSmsPageIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient gateway = new InboundSmsClient();
    private TestCitizen citizen;
    private HttpBrowser browser;

    @BeforeEach
    void citizen() {
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        // recovery asks the operators after the SMS: the stored phone is the citizen's own
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        browser = new HttpBrowser();
    }

    @Test
    void recoveryReloadKeepsTheCodeAndTheCodeFirstShownContinues() {
        String first = CitizenLogin.shownCode(recovery(browser, citizen.registerNumber()));
        assertThat(CitizenLogin.shownCode(PageReload.reload(browser))).isEqualTo(first);
        assertThat(CitizenLogin.shownCode(PageReload.reload(browser))).isEqualTo(first);
        assertThat(gateway.send(citizen.phoneE164(), first).body()).contains("\"matched\"");
        assertThat(CitizenLogin.pressContinue(browser).has(NewPasswordPage.FORM))
                .as("the SMS with the code first shown continues the recovery").isTrue();
    }

    @Test
    void registrationReloadKeepsTheCodeAndAReloadAfterTheSmsContinues() {
        TestCitizen newcomer = TestCitizen.random();
        SandboxSubscribers.registerOwner(newcomer.phoneE164(), newcomer.registerNumber());
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.REGISTER);
        Map<String, String> values = new HashMap<>();
        values.put("registerNumber", newcomer.registerNumber());
        values.put("phone", newcomer.phoneE164());
        values.put("password-new", newcomer.password());
        values.put("password-confirm", newcomer.password());
        values.put("captcha", SelfServicePages.captchaAnswer(form));
        String first = CitizenLogin.shownCode(browser.submit(RegistrationPage.FORM, values, "submitRegistration"));
        assertThat(CitizenLogin.shownCode(PageReload.reload(browser))).isEqualTo(first);
        assertThat(gateway.send(newcomer.phoneE164(), first).body()).contains("\"matched\"");
        HttpBrowser.Page reopened = PageReload.reload(browser);
        assertThat(reopened.has(ReverseSmsPage.CODE)).as("a reload after the SMS goes on, page: %s", reopened.body()).isFalse();
    }

    @Test
    void phoneChangeNotArrivedYetAsksForTheNewPhone() {
        String newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());
        phoneChange(browser, citizen.registerNumber(), newPhone);
        String said = feedback(CitizenLogin.pressContinue(browser));
        assertThat(said).contains("хараахан ирээгүй").contains("шинээр сольсон").contains(masked(newPhone))
                .doesNotContain("бүртгэлтэй");
    }

    @Test
    void phoneChangeCodeTextedFromTheOldPhoneIsToldToComeFromTheNewOne() {
        String newPhone = TestCitizen.random().phoneE164();
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());
        String code = CitizenLogin.shownCode(phoneChange(browser, citizen.registerNumber(), newPhone));
        assertThat(gateway.send(citizen.phoneE164(), code).body()).contains("\"unmatched\"");
        HttpBrowser.Page page = CitizenLogin.pressContinue(browser);
        assertThat(feedback(page)).contains("өөр дугаараас").contains(masked(newPhone));
        assertThat(page.body()).doesNotContain(masked(citizen.phoneE164())).doesNotContain(citizen.phoneE164().substring(4));
    }

    @Test
    void recoveryTellsNothingAboutAWrongCodeFromTheRegisteredPhone() {
        String code = CitizenLogin.shownCode(recovery(browser, citizen.registerNumber()));
        assertThat(gateway.send(citizen.phoneE164(), otherCode(code)).body()).contains("\"unmatched\"");
        String real = feedback(CitizenLogin.pressContinue(browser));

        HttpBrowser stranger = new HttpBrowser();
        recovery(stranger, TestCitizen.random().registerNumber()); // nobody has it: a decoy
        String decoy = feedback(CitizenLogin.pressContinue(stranger));
        assertThat(real).as("an existing account's page must not differ from a decoy's").isEqualTo(decoy)
                .contains("хараахан ирээгүй").doesNotContain("өөр код");
    }

    @Test
    void recoveryTellsACodeFromAnotherNumberAlikeForARealAccountAndAnUnknownRegisterNumber() {
        String someonesPhone = TestCitizen.random().phoneE164();
        String code = CitizenLogin.shownCode(recovery(browser, citizen.registerNumber()));
        assertThat(gateway.send(someonesPhone, code).body()).contains("\"unmatched\"");
        String real = feedback(CitizenLogin.pressContinue(browser));

        HttpBrowser stranger = new HttpBrowser();
        String decoyCode = CitizenLogin.shownCode(recovery(stranger, TestCitizen.random().registerNumber()));
        assertThat(gateway.send(someonesPhone, decoyCode).body()).contains("\"unmatched\"");
        String decoy = feedback(CitizenLogin.pressContinue(stranger));
        assertThat(real).isEqualTo(decoy).contains("өөр дугаараас").doesNotContain("+976");
    }

    private static HttpBrowser.Page recovery(HttpBrowser in, String registerNumber) {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(in, LoginPage.RESET_PASSWORD);
        return in.submit(RecoveryPage.FORM,
                Map.of("registerNumber", registerNumber, "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery");
    }

    private static HttpBrowser.Page phoneChange(HttpBrowser in, String registerNumber, String phone) {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(in, LoginPage.CHANGE_PHONE);
        return in.submit(PhoneChangePage.FORM,
                Map.of("registerNumber", registerNumber, "phone", phone, "captcha", SelfServicePages.captchaAnswer(form)),
                "submitPhoneChange");
    }

    private static String feedback(HttpBrowser.Page page) {
        return page.document().select(".kc-feedback-text").text();
    }

    private static String masked(String e164) {
        return "+976 " + e164.substring(4, 6) + "****" + e164.substring(10);
    }

    private static String otherCode(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
