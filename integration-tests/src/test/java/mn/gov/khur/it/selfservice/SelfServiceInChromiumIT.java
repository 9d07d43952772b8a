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
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-register"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-register-form")));
            checkPage(browser, "register-mn-1280");
            browser.findElement(By.id("registerNumber")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("phone")).sendKeys(citizen.phoneE164().substring(4));
            browser.findElement(By.id("password-new")).sendKeys(citizen.password());
            browser.findElement(By.id("password-confirm")).sendKeys(citizen.password());
            browser.findElement(By.id("captcha")).sendKeys(captchaAnswer(browser));
            browser.findElement(By.id("khur-register-submit")).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code"))).getText();
            checkPage(browser, "register-sms-mn-1280");
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("khur-done")));
            assertThat(browser.findElement(By.id("khur-done")).getAttribute("data-khur-done")).isEqualTo("registration");
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
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-reset-password"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-recovery-form")));
            checkPage(browser, "recovery-en-1280");
            browser.findElement(By.id("registerNumber")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("captcha")).sendKeys(captchaAnswer(browser));
            browser.findElement(By.id("khur-recovery-submit")).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code"))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            WebElement newPassword = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
            checkPage(browser, "recovery-new-password-en-1280");
            newPassword.sendKeys("Shine1234nuuts");
            browser.findElement(By.id("password-confirm")).sendKeys("Shine1234nuuts");
            browser.findElement(By.id("khur-new-password-submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("khur-done")));
            assertThat(browser.findElement(By.id("khur-done")).getAttribute("data-khur-done")).isEqualTo("password-reset");
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
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-reset-password"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-recovery-form")));
            browser.findElement(By.id("registerNumber")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("captcha")).sendKeys(captchaAnswer(browser));
            browser.findElement(By.id("khur-recovery-submit")).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code"))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-refused")));
            assertThat(refused.getAttribute("data-khur-refused")).isEqualTo("not-confirmed");
            assertThat(browser.findElements(By.id("password-new"))).isEmpty();
            checkPage(browser, "selfservice-refused-mn-1280");
            browser.findElement(By.id("khur-refused-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
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
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-change-phone"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-change-phone-form")));
            checkPage(browser, "change-phone-mn-1280");
            browser.findElement(By.id("registerNumber")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("phone")).sendKeys(newPhone);
            browser.findElement(By.id("captcha")).sendKeys(captchaAnswer(browser));
            browser.findElement(By.id("khur-change-phone-submit")).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code"))).getText();
            assertThat(phone.send(citizen.phoneE164(), code).body()).as("the old phone cannot confirm").contains("\"unmatched\"");
            assertThat(phone.send(newPhone, code).body()).contains("\"matched\"");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("khur-done")));
        } finally {
            browser.quit();
        }
        assertThat(admin.user(userId).at("/attributes/phone_number/0").asText()).isEqualTo(newPhone);
    }

    private static String captchaAnswer(ChromeDriver browser) {
        String answer = browser.findElement(By.id("khur-captcha-image")).getAttribute("data-khur-test-answer");
        assertThat(answer).as("captcha test seam (dev mode + KHUR_CAPTCHA_TEST_MODE)").matches("[A-Z0-9]{5}");
        return answer;
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
    }
}
