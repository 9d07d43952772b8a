package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;

import mn.gov.khur.demorp.DemoRpConfig;
import mn.gov.khur.demorp.DemoRpServer;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.DemoSitePage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example site (demo-rp, on its registered address http://localhost:8092) with ХУР in real Chromium:
 * the citizen is never stranded on an error while logged in, and sees that a logout happened.
 */
@ExtendWith(KhurServerExtension.class)
class DemoSiteInChromiumIT {

    private static final String SITE = "http://localhost:8092";
    private static DemoRpServer site;
    private final AdminApi admin = new AdminApi();

    @BeforeAll
    static void startSite() throws Exception {
        site = DemoRpServer.start(new DemoRpConfig(8092, new Issuer(KeycloakServer.BASE_URL + "/realms/khur"),
                new ClientID("demo-rp"), new Secret("demo-rp-secret"), URI.create(SITE)));
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theBackButtonAfterALoginShowsTheLoggedInCitizenNotAnError() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            logIn(browser, citizen);

            browser.navigate().back(); // to ХУР's last page: its login is over, the citizen is logged in
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> d.getCurrentUrl().startsWith(SITE)
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                    && !d.findElements(By.cssSelector(DemoSitePage.ERROR + ", " + DemoSitePage.CLAIM_REGISTER_NUMBER + ", " + DemoSitePage.LOGIN)).isEmpty());
            assertThat(browser.findElements(By.cssSelector(DemoSitePage.ERROR))).as("an error page at %s: %s", browser.getCurrentUrl(),
                    browser.findElement(By.tagName("body")).getText()).isEmpty();
            assertThat(browser.getCurrentUrl()).isEqualTo(SITE + "/me");
            assertThat(browser.findElement(By.cssSelector(DemoSitePage.CLAIM_REGISTER_NUMBER)).getText()).isEqualTo(citizen.registerNumber());
        } finally {
            browser.quit();
        }
    }

    @Test
    void afterLogoutTheCitizenSeesThatTheyAreLoggedOut() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            logIn(browser, citizen);

            browser.findElement(By.cssSelector(DemoSitePage.LOGOUT)).click();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(DemoSitePage.LOGGED_OUT))).getText();
            assertThat(shown).isEqualTo("Та системээс гарлаа / You are logged out");
            assertThat(browser.getCurrentUrl()).isEqualTo(SITE + "/logged-out");

            browser.get(SITE + "/me"); // logged out here …
            assertThat(browser.getCurrentUrl()).isEqualTo(SITE + "/");
            browser.get(SITE + "/login"); // … and at ХУР: the login page again, no single sign-on
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.FORM))).isDisplayed()).isTrue();
        } finally {
            browser.quit();
        }
    }

    /** Password + reverse SMS from the demo site's login button; ends on the site's /me. */
    private static void logIn(ChromeDriver browser, TestCitizen citizen) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(SITE + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        // the waiting page notices the SMS and continues by itself
        wait.until(ExpectedConditions.urlToBe(SITE + "/me"));
        assertThat(browser.findElement(By.cssSelector(DemoSitePage.CLAIM_ACR)).getText()).isEqualTo("substantial");
    }
}
