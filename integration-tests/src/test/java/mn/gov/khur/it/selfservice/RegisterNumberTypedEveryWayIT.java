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
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

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
        assertThat(page.has(ReverseSmsPage.CODE)).as("'%s' is %s: %s", typed, citizen.registerNumber(), page.body()).isTrue();
    }

    @Test
    void loginAnswersLatinLettersOnTheFieldAndCountsNoFailure() {
        browser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String latin = "UB" + citizen.registerNumber().substring(2);
        HttpBrowser.Page page = CitizenLogin.passwordStep(browser, latin, citizen.password());
        assertThat(page.has(ReverseSmsPage.CODE)).isFalse();
        assertThat(page.text("[id^=input-error]")).contains("кирилл").doesNotContain("нууц үг");
        HttpBrowser.Page wrongPassword = CitizenLogin.passwordStep(browser, latin, "Wrong1234x");
        assertThat(wrongPassword.text("[id^=input-error]")).contains("кирилл");
        assertThat(admin.attackDetection(userId).get("numFailures").asInt()).as("nobody's failed login").isZero();
        assertThat(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()).has(ReverseSmsPage.CODE))
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
        HttpBrowser.Page form = SelfServicePages.openFromLoginPage(browser, LoginPage.RESET_PASSWORD);
        HttpBrowser.Page refused = browser.submit(RecoveryPage.FORM, Map.of("registerNumber",
                "UB" + citizen.registerNumber().substring(2), "captcha", SelfServicePages.captchaAnswer(form)), "submitRecovery");
        assertThat(refused.text(SelfServiceFields.REGISTER_NUMBER_ERROR)).contains("кирилл");
        HttpBrowser.Page sms = browser.submit(RecoveryPage.FORM, Map.of("registerNumber",
                "уб " + citizen.registerNumber().substring(2, 6) + " " + citizen.registerNumber().substring(6),
                "captcha", SelfServicePages.captchaAnswer(refused)), "submitRecovery");
        assertThat(sms.has(ReverseSmsPage.CODE)).isTrue();
    }

    @Test
    void registrationAndPhoneChangeAnswerLatinLettersOnTheFieldAndSayWhatIsWrong() {
        HttpBrowser.Page register = SelfServicePages.openFromLoginPage(browser, LoginPage.REGISTER);
        Map<String, String> values = new HashMap<>();
        values.put("registerNumber", "UB" + citizen.registerNumber().substring(2));
        values.put("phone", citizen.phoneE164());
        values.put("password-new", citizen.password());
        values.put("password-confirm", citizen.password());
        values.put("captcha", SelfServicePages.captchaAnswer(register));
        HttpBrowser.Page refused = browser.submit(RegistrationPage.FORM, values, "submitRegistration");
        assertThat(refused.text(SelfServiceFields.REGISTER_NUMBER_ERROR)).contains("кирилл");

        values.put("registerNumber", "УБ123");
        values.put("captcha", SelfServicePages.captchaAnswer(refused));
        HttpBrowser.Page tooShort = browser.submit(RegistrationPage.FORM, values, "submitRegistration");
        assertThat(tooShort.text(SelfServiceFields.REGISTER_NUMBER_ERROR)).as("the precise reason").contains("10 тэмдэгт");

        HttpBrowser other = new HttpBrowser();
        HttpBrowser.Page change = SelfServicePages.openFromLoginPage(other, LoginPage.CHANGE_PHONE);
        HttpBrowser.Page changeRefused = other.submit(PhoneChangePage.FORM, Map.of("registerNumber",
                "ub" + citizen.registerNumber().substring(2), "phone", TestCitizen.random().phoneE164(),
                "captcha", SelfServicePages.captchaAnswer(change)), "submitPhoneChange");
        assertThat(changeRefused.text(SelfServiceFields.REGISTER_NUMBER_ERROR)).contains("кирилл");
    }
}
