package mn.gov.khur.it.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21 item 3 in real Chromium: the citizen whose account strangers locked types the right password and reads that
 * the account is locked for now, for how long, and that the bank and the digital signature still let them in (links to
 * those parts of the same page). The notice is checked with axe-core at phone and desktop widths, in both languages.
 */
@ExtendWith(KhurServerExtension.class)
class LockedAccountNoticeInChromiumIT {

    private final AdminApi admin = new AdminApi();

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void theLockedCitizenIsToldWhyHowLongAndWhichWaysStillWork(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)));
            // strangers lock the account (from networks of their own) while the citizen's page is open
            PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 180);

            browser.findElement(By.cssSelector(LoginPage.USERNAME)).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(LoginPage.ACCOUNT_LOCKED)),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=input-error]")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))));

            assertThat(browser.findElements(By.cssSelector(LoginPage.ACCOUNT_LOCKED)))
                    .as("the right password of a locked account is told the lock, not 'wrong password': %s",
                            browser.findElement(By.tagName("body")).getText())
                    .hasSize(1);
            WebElement notice = browser.findElement(By.cssSelector(LoginPage.ACCOUNT_LOCKED));
            assertThat(notice.isDisplayed()).isTrue();
            assertThat(notice.getText()).containsPattern("mn".equals(language) ? "\\d+ минутын дараа" : "in \\d+ minutes?");
            List<WebElement> ways = notice.findElements(By.cssSelector("a[href='" + LoginPage.BANKS + "'], a[href='" + LoginPage.SIGNATURES + "']"));
            assertThat(ways).as("the bank and the digital signature, linked").hasSize(2);
            for (WebElement way : ways) {
                String target = way.getAttribute("href").substring(way.getAttribute("href").indexOf('#') + 1);
                assertThat(browser.findElements(By.id(target))).as("the link's target is on the page: #" + target).hasSize(1);
            }

            String name = "login-locked-" + language + "-" + width;
            Screenshots.save(browser, name);
            assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).as("no raw message keys on " + name)
                    .doesNotContainPattern("\\$\\{|\\bkhur[A-Z][A-Za-z]+\\b");
            Object sideways = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(sideways).as("no sideways scrolling at " + width + " px").isEqualTo(false);
        } finally {
            browser.quit();
        }
    }
}
