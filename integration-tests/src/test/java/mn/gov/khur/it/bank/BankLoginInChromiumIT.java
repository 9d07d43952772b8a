package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A citizen registers with a bank and comes back with the same bank, in real headless Chromium. */
@ExtendWith(KhurServerExtension.class)
class BankLoginInChromiumIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void registerThroughTheBankThenLogInAgainInChromium() {
        TestCitizen person = TestCitizen.random();
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, person.registerNumber());
        String sub;
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            sub = logInWithBank(browser, rp.begin(), customer);
            assertThat(admin.user(sub).get("username").asText()).isEqualTo(person.username());
        } finally {
            browser.quit();
        }
        ChromeDriver later = Browsers.chromium("mn"); // a new visit: no SSO session anywhere
        try {
            assertThat(logInWithBank(later, rp.begin(), customer)).isEqualTo(sub);
        } finally {
            later.quit();
        }
    }

    @Test
    void aRefusedBankLoginIsNoDeadEndInChromium() {
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.KHAN, null); // asserts no register number
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            atTheBank(browser, rp.begin(), customer);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.id("khur-bank-refused")).isEmpty() || d.getPageSource().contains("Зөвшөөрөх"));
            if (browser.findElements(By.id("khur-bank-refused")).isEmpty()) {
                browser.findElement(By.cssSelector("[name=accept]")).click();
            }
            WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-bank-refused")));
            assertThat(reason.getText()).contains("Банк таны регистрийн дугаарыг илгээгээгүй");
            assertThat(browser.findElement(By.id("khur-back-to-site")).getAttribute("href")).isEqualTo("http://localhost:8092/");
            Screenshots.save(browser, "bank-refused-mn");

            WebElement refusedPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.id("khur-back-to-login")).click();
            wait.until(ExpectedConditions.stalenessOf(refusedPage));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login"))).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("khur-method-bank")).getText()).isEqualTo("Банкны эрхээр нэвтрэх");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theSandboxBanksPagesAreInMongolianLikeTheRest() {
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.KHAN, TestCitizen.random().registerNumber());
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(rp.begin().authorizationUri().toString());
            WebElement ourPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.id("khur-bank-" + customer.bankAlias())).click();
            wait.until(ExpectedConditions.stalenessOf(ourPage));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertMongolianOnly(browser, "the bank's login page");
            assertThat(browser.findElement(By.id("kc-login")).getText()).isEqualTo("Нэвтрэх");
            Screenshots.save(browser, "sandbox-bank-login-mn");

            browser.findElement(By.id("username")).sendKeys(customer.username());
            browser.findElement(By.id("password")).sendKeys("wrong-" + customer.password());
            WebElement loginPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.stalenessOf(loginPage));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-username"))).getText())
                    .isEqualTo("Нэвтрэх нэр эсвэл нууц үг буруу байна.");
            assertMongolianOnly(browser, "a wrong password");

            browser.findElement(By.id("password")).sendKeys(customer.password());
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[name=accept]")));
            assertMongolianOnly(browser, "the bank's consent page");
            assertThat(browser.findElement(By.cssSelector("[name=accept]")).getText()).isEqualTo("Зөвшөөрөх");
            Screenshots.save(browser, "sandbox-bank-consent-mn");
        } finally {
            browser.quit();
        }
    }

    /**
     * No English word in the visible text or the title of the page, but the sandbox's name, ours (KHUR) and the name
     * of the English language in the language menu (each language is named in itself, as on our pages).
     */
    private static void assertMongolianOnly(ChromeDriver browser, String page) {
        String visible = browser.findElement(By.tagName("body")).getText() + "\n" + browser.getTitle();
        List<String> english = java.util.regex.Pattern.compile("[A-Za-z]{3,}").matcher(visible).results()
                .map(java.util.regex.MatchResult::group)
                .filter(word -> !List.of("sandbox", "khur", "english").contains(word.toLowerCase(java.util.Locale.ROOT)))
                .toList();
        assertThat(english).as("English on %s: %s", page, visible).isEmpty();
    }

    /** Our login page → the bank's button → the bank's form filled and sent. */
    private static void atTheBank(ChromeDriver browser, OidcRelyingParty.PendingLogin login, SandboxBanks.Customer customer) {
        browser.get(login.authorizationUri().toString());
        WebDriverWait toBank = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement ourPage = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("khur-bank-" + customer.bankAlias())).click();
        toBank.until(ExpectedConditions.stalenessOf(ourPage));
        toBank.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(customer.username());
        browser.findElement(By.id("password")).sendKeys(customer.password());
        browser.findElement(By.id("kc-login")).click();
    }

    private String logInWithBank(ChromeDriver browser, OidcRelyingParty.PendingLogin login, SandboxBanks.Customer customer) {
        browser.get(login.authorizationUri().toString());
        assertThat(browser.findElement(By.id("khur-method-bank")).getText()).isEqualTo("Банкны эрхээр нэвтрэх");
        // the bank's login page has its own #username: wait until ours is gone before typing
        WebDriverWait toBank = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement ourPage = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("khur-bank-" + customer.bankAlias())).click();
        toBank.until(ExpectedConditions.stalenessOf(ourPage));
        toBank.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(customer.username());
        browser.findElement(By.id("password")).sendKeys(customer.password());
        browser.findElement(By.id("kc-login")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()) || d.getPageSource().contains("Зөвшөөрөх"));
        if (!browser.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString())) {
            browser.findElement(By.cssSelector("[name=accept]")).click(); // "Зөвшөөрөх": asked once, then remembered
        }
        // the RP's callback (nothing listens there): Chromium shows an error page, the URL is what matters
        wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
        OidcRelyingParty.LoginResult result = rp.finish(login, URI.create(browser.getCurrentUrl()));
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("bank"));
        assertThat(result.idToken().getClaim("acr")).isEqualTo("substantial");
        return result.idToken().getSubject();
    }
}
