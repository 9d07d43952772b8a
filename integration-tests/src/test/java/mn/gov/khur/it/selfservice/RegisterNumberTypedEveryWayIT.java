package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 21.5: one normalisation of the register number on every form (surrounding and inner spaces, either
 * case), and Latin letters answered on the field ("use Cyrillic letters"), never as a failed login of anybody.
 */
@ExtendWith(KhurServerExtension.class)
class RegisterNumberTypedEveryWayIT {

    private final AdminApi admin = new AdminApi();
    private TestCitizen citizen;
    private String userId;
    private HttpBrowser browser;

    @BeforeEach
    void citizenWhoseLettersAreУБ() {
        TestCitizen random = TestCitizen.random();
        citizen = new TestCitizen("УБ" + random.registerNumber().substring(2), random.phoneE164(), random.password(),
                random.givenName(), random.familyName());
        userId = admin.createCitizen(citizen);
        browser = new HttpBrowser();
    }

    @Test
    void loginAcceptsLowerCaseAndInnerSpaces() {
        String digits = citizen.registerNumber().substring(2);
        String typed = " уб " + digits.substring(0, 4) + " " + digits.substring(4) + " ";
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, typed, citizen.password());
        assertThat(page.has("#khur-sms-code")).as("'%s' is %s: %s", typed, citizen.registerNumber(), page.body()).isTrue();
    }

    @Test
    void loginAnswersLatinLettersOnTheFieldAndCountsNoFailure() {
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String latin = "UB" + citizen.registerNumber().substring(2);
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, latin, citizen.password());
        assertThat(page.has("#khur-sms-code")).isFalse();
        assertThat(page.text("[id^=input-error]")).contains("кирилл").doesNotContain("нууц үг");
        HttpBrowser.Page wrongPassword = CitizenLogin.passwordStep(browser, latin, "Wrong1234x");
        assertThat(wrongPassword.text("[id^=input-error]")).contains("кирилл");
        assertThat(admin.attackDetection(userId).get("numFailures").asInt()).as("nobody's failed login").isZero();
        assertThat(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()).has("#khur-sms-code"))
                .isTrue();
    }

    @Test
    void loginInEnglishSaysUseCyrillicLetters() {
        HttpBrowser english = new HttpBrowser("en");
        english.open(OidcRelyingParty.demo().begin().authorizationUri());
        HttpBrowser.Page page = CitizenLogin.passwordStep(english, "ub" + citizen.registerNumber().substring(2), citizen.password());
        assertThat(page.text("[id^=input-error]")).contains("Cyrillic");
    }

    @Test
    void recoveryAnswersLatinLettersOnTheFieldAndAcceptsInnerSpaces() {
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, "#khur-reset-password");
        HttpBrowser.Page refused = browser.submit("#khur-recovery-form", Map.of("registerNumber",
                "UB" + citizen.registerNumber().substring(2), "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery");
        assertThat(refused.text("#input-error-registerNumber")).contains("кирилл");
        HttpBrowser.Page sms = browser.submit("#khur-recovery-form", Map.of("registerNumber",
                "уб " + citizen.registerNumber().substring(2, 6) + " " + citizen.registerNumber().substring(6),
                "captcha", SelfServicePages.captchaAnswer(refused)), "submitRecovery");
        assertThat(sms.has("#khur-sms-code")).isTrue();
    }

    @Test
    void registrationAndPhoneChangeAnswerLatinLettersOnTheFieldAndSayWhatIsWrong() {
        HttpBrowser.Page register = SelfServicePages.openFromLoginPage(browser, "#khur-register");
        Map<String, String> values = new HashMap<>();
        values.put("registerNumber", "UB" + citizen.registerNumber().substring(2));
        values.put("phone", citizen.phoneE164());
        values.put("password-new", citizen.password());
        values.put("password-confirm", citizen.password());
        values.put("captcha", SelfServicePages.captchaAnswer(register));
        HttpBrowser.Page refused = browser.submit("#khur-register-form", values, "submitRegistration");
        assertThat(refused.text("#input-error-registerNumber")).contains("кирилл");

        values.put("registerNumber", "УБ123");
        values.put("captcha", SelfServicePages.captchaAnswer(refused));
        HttpBrowser.Page tooShort = browser.submit("#khur-register-form", values, "submitRegistration");
        assertThat(tooShort.text("#input-error-registerNumber")).as("the precise reason").contains("10 тэмдэгт");

        HttpBrowser other = new HttpBrowser();
        HttpBrowser.Page change = SelfServicePages.openFromLoginPage(other, "#khur-change-phone");
        HttpBrowser.Page changeRefused = other.submit("#khur-change-phone-form", Map.of("registerNumber",
                "ub" + citizen.registerNumber().substring(2), "phone", TestCitizen.random().phoneE164(),
                "captcha", SelfServicePages.captchaAnswer(change)), "submitPhoneChange");
        assertThat(changeRefused.text("#input-error-registerNumber")).contains("кирилл");
    }
}
