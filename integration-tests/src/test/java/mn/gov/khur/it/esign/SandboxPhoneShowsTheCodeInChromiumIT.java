package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tester's SIM-signature login: the sandbox's phone-side page (the MSSP's /control) shows the verification code
 * the phone works out from the hash it was asked to sign, which must be the code on our waiting page.
 */
@ExtendWith(KhurServerExtension.class)
class SandboxPhoneShowsTheCodeInChromiumIT {

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;
    private static MsspSimulator mssp;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
        mssp = KhurServerExtension.mssp();
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    @Test
    void thePhoneSidePageShowsTheCodeOfTheLoginPage() {
        Citizen citizen = fixture.registeredCitizen();
        String phone = citizen.person().phoneE164();
        mssp.register(phone, fixture.validCertificate(citizen.person(), KeyKind.EC_P256));
        mssp.behaviour(phone, MsspSimulator.Behaviour.TIMEOUT); // the tester has not answered on the phone yet
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(fixture.rp.begin("openid", Map.of("acr_values", "high")).authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_ESIGN_SIM))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.REGISTER_NUMBER)))
                    .sendKeys(citizen.person().registerNumber());
            browser.findElement(By.cssSelector(SignaturePushPage.PHONE)).sendKeys(phone.substring(4));
            browser.findElement(By.cssSelector(SignaturePushPage.SIGN)).click();
            String onTheLoginPage = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(SignaturePushPage.VERIFICATION_CODE))).getText();
            assertThat(onTheLoginPage).matches("\\d{4}");

            browser.switchTo().newWindow(WindowType.TAB);
            browser.get("http://127.0.0.1:" + mssp.port() + "/control");
            String row = "tr[data-signer='" + phone + "'] ";
            String onThePhone = browser.findElement(By.cssSelector(row + "td.verification-code")).getText();
            assertThat(onThePhone).as("the code the phone works out from the hash").isEqualTo(onTheLoginPage);
            assertThat(browser.findElement(By.cssSelector(row + "td.shown-text")).getText()).contains("Код / Code: " + onTheLoginPage);
            Screenshots.save(browser, "sandbox-mssp-phone-side-code");
        } finally {
            browser.quit();
            mssp.behaviour(phone, MsspSimulator.Behaviour.APPROVE);
        }
    }
}
