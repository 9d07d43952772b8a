package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real SIM-signature pages in headless Chromium: the waiting page's script
 * (js/khur-esign-wait.js) polls on its own until the sandbox MSSP answers, or shows the decline.
 */
@ExtendWith(KhurServerExtension.class)
class EsignSimInChromiumIT {

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

    private static Citizen citizenWithSim() {
        Citizen citizen = fixture.registeredCitizen();
        mssp.register(citizen.person().phoneE164(), fixture.validCertificate(citizen.person(), KeyKind.EC_P256));
        return citizen;
    }

    private static void startLogin(ChromeDriver browser, OidcRelyingParty.PendingLogin pending, Citizen citizen) {
        // each click submits a form: wait for the next page instead of racing its load on a busy machine
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(pending.authorizationUri().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_ESIGN_SIM))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.REGISTER_NUMBER)))
                .sendKeys(citizen.person().registerNumber());
        browser.findElement(By.cssSelector(SignaturePushPage.PHONE)).sendKeys(citizen.person().phoneE164().substring(4));
        browser.findElement(By.cssSelector(SignaturePushPage.SIGN)).click();
    }

    @Test
    void waitingPagePollsByItselfUntilTheSimSigned() {
        Citizen citizen = citizenWithSim();
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of("acr_values", "high"));
            startLogin(browser, pending, citizen);
            String code = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.VERIFICATION_CODE))).getText();
            assertThat(code).matches("\\d{4}");
            assertThat(mssp.lastDisplayedText(citizen.person().phoneE164())).contains(code);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
            var result = fixture.finish(pending, URI.create(browser.getCurrentUrl()));
            assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
            assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_sim", "sc"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void declineOnThePhoneShowsTheMessage() {
        Citizen citizen = citizenWithSim();
        mssp.behaviour(citizen.person().phoneE164(), MsspSimulator.Behaviour.DECLINE);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            startLogin(browser, fixture.rp.begin("openid", Map.of("acr_values", "high")), citizen);
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains("татгалзлаа"));
            assertThat(browser.findElements(By.cssSelector(SignaturePushPage.SIGN))).isNotEmpty();
        } finally {
            browser.quit();
        }
    }
}
