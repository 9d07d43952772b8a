package mn.gov.khur.it.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DonePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.NewPasswordPage;
import mn.gov.khur.it.support.pages.PhoneChangePage;
import mn.gov.khur.it.support.pages.RecoveryPage;
import mn.gov.khur.it.support.pages.RefusedPage;
import mn.gov.khur.it.support.pages.RegistrationPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Registration and password recovery as a citizen meets them in real Chromium: the real pages,
 * the captcha picture, the waiting page that continues by itself when the SMS arrives, the page that
 * ends a refused recovery, and no serious accessibility violation on any of these pages.
 */
@ExtendWith(KhurServerExtension.class)
class SelfServiceInChromiumIT {

    private final InboundSmsClient phone = new InboundSmsClient();

    @Test
    void citizenRegistersByPhoneAndThePageContinuesWhenTheSmsArrives() {
        TestCitizen citizen = TestCitizen.random();
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.REGISTER))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RegistrationPage.FORM)));
            checkPage(browser, "register-mn-1280");
            browser.findElement(By.cssSelector(SelfServiceFields.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(SelfServiceFields.PHONE)).sendKeys(citizen.phoneE164().substring(4));
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_NEW)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_CONFIRM)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA)).sendKeys(captchaAnswer(browser));
            browser.findElement(By.cssSelector(RegistrationPage.SUBMIT)).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            checkPage(browser, "register-sms-mn-1280");
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(DonePage.DONE)));
            assertThat(browser.findElement(By.cssSelector(DonePage.DONE)).getAttribute("data-khur-done")).isEqualTo("registration");
            checkPage(browser, "register-done-mn-1280");
        } finally {
            browser.quit();
        }
        assertThat(new AdminApi().usersByAttribute("register_number", citizen.registerNumber())).hasSize(1);
    }

    @Test
    void citizenRecoversThePasswordInEnglish() {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        ChromeDriver browser = Browsers.chromium("en");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=en");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.RESET_PASSWORD))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RecoveryPage.FORM)));
            checkPage(browser, "recovery-en-1280");
            browser.findElement(By.cssSelector(SelfServiceFields.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA)).sendKeys(captchaAnswer(browser));
            browser.findElement(By.cssSelector(RecoveryPage.SUBMIT)).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            WebElement newPassword = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SelfServiceFields.PASSWORD_NEW)));
            checkPage(browser, "recovery-new-password-en-1280");
            newPassword.sendKeys("Shine1234nuuts");
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_CONFIRM)).sendKeys("Shine1234nuuts");
            browser.findElement(By.cssSelector(NewPasswordPage.SUBMIT)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(DonePage.DONE)));
            assertThat(browser.findElement(By.cssSelector(DonePage.DONE)).getAttribute("data-khur-done")).isEqualTo("password-reset");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRecycledNumberEndsOnAClearPageThatPointsToTheOtherWaysIn() {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        SandboxSubscribers.registerOwner(citizen.phoneE164(), TestCitizen.random().registerNumber()); // now someone else's
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.RESET_PASSWORD))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RecoveryPage.FORM)));
            browser.findElement(By.cssSelector(SelfServiceFields.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA)).sendKeys(captchaAnswer(browser));
            browser.findElement(By.cssSelector(RecoveryPage.SUBMIT)).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(RefusedPage.REFUSED)));
            assertThat(refused.getAttribute("data-khur-refused")).isEqualTo("not-confirmed");
            assertThat(browser.findElements(By.cssSelector(SelfServiceFields.PASSWORD_NEW))).isEmpty();
            checkPage(browser, "selfservice-refused-mn-1280");
            browser.findElement(By.cssSelector(RefusedPage.LOGIN)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.FORM)));
        } finally {
            browser.quit();
        }
    }

    @Test
    void citizenChangesThePhoneNumberFromTheNewPhone() {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi();
        String userId = admin.createCitizen(citizen);
        String newPhone = SelfServicePages.otherPhone(citizen.phoneE164());
        SandboxSubscribers.registerOwner(newPhone, citizen.registerNumber());
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.CHANGE_PHONE))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PhoneChangePage.FORM)));
            checkPage(browser, "change-phone-mn-1280");
            browser.findElement(By.cssSelector(SelfServiceFields.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(SelfServiceFields.PHONE)).sendKeys(newPhone);
            browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA)).sendKeys(captchaAnswer(browser));
            browser.findElement(By.cssSelector(PhoneChangePage.SUBMIT)).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).as("the old phone cannot confirm").contains("\"unmatched\"");
            assertThat(phone.send(newPhone, code).body()).contains("\"matched\"");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(DonePage.DONE)));
        } finally {
            browser.quit();
        }
        assertThat(admin.user(userId).at("/attributes/phone_number/0").asText()).isEqualTo(newPhone);
    }

    private static String captchaAnswer(ChromeDriver browser) {
        String answer = browser.findElement(By.cssSelector(SelfServiceFields.CAPTCHA_IMAGE)).getAttribute("data-khur-test-answer");
        assertThat(answer).as("captcha test seam (dev mode + KHUR_CAPTCHA_TEST_MODE)").matches("[A-Z0-9]{5}");
        return answer;
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
    }
}
