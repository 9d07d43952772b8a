package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.AddPhonePage;
import mn.gov.khur.it.support.pages.BankRefusedPage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SandboxBankPages;
import mn.gov.khur.it.support.pages.SelfServiceFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen registers with a bank and comes back with the same bank, in real headless Chromium; a citizen registered
 * that way (no phone) adds a phone after the bank login and then logs in with password + reverse SMS (issue 21.4).
 */
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
            OidcRelyingParty.PendingLogin login = rp.begin();
            toTheBankAndBack(browser, login, customer);
            skipTheOffer(browser); // no phone yet: offered after every bank login, skippable
            sub = finish(browser, login);
            assertThat(admin.user(sub).get("username").asText()).isEqualTo(person.username());
        } finally {
            browser.quit();
        }
        ChromeDriver later = Browsers.chromium("mn"); // a new visit: no SSO session anywhere
        try {
            OidcRelyingParty.PendingLogin login = rp.begin();
            toTheBankAndBack(later, login, customer);
            skipTheOffer(later);
            assertThat(finish(later, login)).isEqualTo(sub);
        } finally {
            later.quit();
        }
    }

    @Test
    void aBankRegisteredCitizenAddsAPhoneThenLogsInWithPasswordAndSmsInChromium() {
        TestCitizen person = TestCitizen.random();
        SandboxSubscribers.registerOwner(person.phoneE164(), person.registerNumber());
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, person.registerNumber());
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            OidcRelyingParty.PendingLogin login = rp.begin();
            toTheBankAndBack(browser, login, customer);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(AddPhonePage.FORM)));
            checkPage(browser, "bank-add-phone-mn-1280");
            browser.findElement(By.cssSelector(SelfServiceFields.PHONE)).sendKeys(person.phoneE164().substring(4));
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_NEW)).sendKeys(person.password());
            browser.findElement(By.cssSelector(SelfServiceFields.PASSWORD_CONFIRM)).sendKeys(person.password());
            browser.findElement(By.cssSelector(AddPhonePage.SUBMIT)).click();

            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(new InboundSmsClient().send(person.phoneE164(), code).body()).contains("\"matched\"");
            // the waiting page continues by itself once the SMS is in
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(AddPhonePage.DONE)));
            checkPage(browser, "bank-add-phone-done-mn-1280");
            browser.findElement(By.cssSelector(AddPhonePage.CONTINUE)).click();
            String sub = finish(browser, login);
            assertThat(admin.user(sub).at("/attributes/phone_number/0").asText()).isEqualTo(person.phoneE164());
        } finally {
            browser.quit();
        }
        ChromeDriver later = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(later, Duration.ofSeconds(30));
            OidcRelyingParty.PendingLogin login = rp.begin();
            later.get(login.authorizationUri().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(person.registerNumber());
            later.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(person.password());
            later.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
            assertThat(new InboundSmsClient().send(person.phoneE164(), code).body()).contains("\"matched\"");
            wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
            OidcRelyingParty.LoginResult result = rp.finish(login, URI.create(later.getCurrentUrl()));
            assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));
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
            wait.until(d -> !d.findElements(By.cssSelector(BankRefusedPage.REFUSED)).isEmpty() || d.getPageSource().contains("Зөвшөөрөх"));
            if (browser.findElements(By.cssSelector(BankRefusedPage.REFUSED)).isEmpty()) {
                browser.findElement(By.cssSelector(SandboxBankPages.ACCEPT)).click();
            }
            WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(BankRefusedPage.REFUSED)));
            assertThat(reason.getText()).contains("Банк таны регистрийн дугаарыг илгээгээгүй");
            assertThat(browser.findElement(By.cssSelector(BankRefusedPage.BACK_TO_SITE)).getAttribute("href")).isEqualTo("http://localhost:8092/");
            Screenshots.save(browser, "bank-refused-mn");

            WebElement refusedPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.cssSelector(SelfServiceFields.BACK_TO_LOGIN)).click();
            wait.until(ExpectedConditions.stalenessOf(refusedPage));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.FORM))).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector(LoginPage.METHOD_BANK)).getText()).isEqualTo("Банкны эрхээр нэвтрэх");
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
            browser.findElement(By.cssSelector(LoginPage.bank(customer.bankAlias()))).click();
            wait.until(ExpectedConditions.stalenessOf(ourPage));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SandboxBankPages.USERNAME)));
            assertMongolianOnly(browser, "the bank's login page");
            assertThat(browser.findElement(By.cssSelector(SandboxBankPages.LOGIN)).getText()).isEqualTo("Нэвтрэх");
            Screenshots.save(browser, "sandbox-bank-login-mn");

            browser.findElement(By.cssSelector(SandboxBankPages.USERNAME)).sendKeys(customer.username());
            browser.findElement(By.cssSelector(SandboxBankPages.PASSWORD)).sendKeys("wrong-" + customer.password());
            WebElement loginPage = browser.findElement(By.tagName("html"));
            browser.findElement(By.cssSelector(SandboxBankPages.LOGIN)).click();
            wait.until(ExpectedConditions.stalenessOf(loginPage));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SandboxBankPages.USERNAME_ERROR))).getText())
                    .isEqualTo("Нэвтрэх нэр эсвэл нууц үг буруу байна.");
            assertMongolianOnly(browser, "a wrong password");

            browser.findElement(By.cssSelector(SandboxBankPages.PASSWORD)).sendKeys(customer.password());
            browser.findElement(By.cssSelector(SandboxBankPages.LOGIN)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SandboxBankPages.ACCEPT)));
            assertMongolianOnly(browser, "the bank's consent page");
            assertThat(browser.findElement(By.cssSelector(SandboxBankPages.ACCEPT)).getText()).isEqualTo("Зөвшөөрөх");
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
        browser.findElement(By.cssSelector(LoginPage.bank(customer.bankAlias()))).click();
        toBank.until(ExpectedConditions.stalenessOf(ourPage));
        toBank.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SandboxBankPages.USERNAME))).sendKeys(customer.username());
        browser.findElement(By.cssSelector(SandboxBankPages.PASSWORD)).sendKeys(customer.password());
        browser.findElement(By.cssSelector(SandboxBankPages.LOGIN)).click();
    }

    /** From our login page to the bank (login, consent) and back to us: the site, or a page of ours after the bank. */
    private void toTheBankAndBack(ChromeDriver browser, OidcRelyingParty.PendingLogin login, SandboxBanks.Customer customer) {
        browser.get(login.authorizationUri().toString());
        assertThat(browser.findElement(By.cssSelector(LoginPage.METHOD_BANK)).getText()).isEqualTo("Банкны эрхээр нэвтрэх");
        // the bank's login page has its own #username: wait until ours is gone before typing
        WebDriverWait toBank = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement ourPage = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector(LoginPage.bank(customer.bankAlias()))).click();
        toBank.until(ExpectedConditions.stalenessOf(ourPage));
        toBank.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SandboxBankPages.USERNAME))).sendKeys(customer.username());
        browser.findElement(By.cssSelector(SandboxBankPages.PASSWORD)).sendKeys(customer.password());
        browser.findElement(By.cssSelector(SandboxBankPages.LOGIN)).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> backFromTheBank(d) || d.getPageSource().contains("Зөвшөөрөх"));
        if (!backFromTheBank(browser)) {
            browser.findElement(By.cssSelector(SandboxBankPages.ACCEPT)).click(); // "Зөвшөөрөх": asked once, then remembered
        }
        wait.until(BankLoginInChromiumIT::backFromTheBank);
    }

    private static boolean backFromTheBank(org.openqa.selenium.WebDriver browser) {
        return browser.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString())
                || !browser.findElements(By.cssSelector(AddPhonePage.FORM)).isEmpty();
    }

    private static void skipTheOffer(ChromeDriver browser) {
        WebElement skip = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(AddPhonePage.SKIP)));
        skip.click();
    }

    /** The RP's callback (nothing listens there): Chromium shows an error page, the URL is what matters. */
    private String finish(ChromeDriver browser, OidcRelyingParty.PendingLogin login) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
        OidcRelyingParty.LoginResult result = rp.finish(login, URI.create(browser.getCurrentUrl()));
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("bank"));
        assertThat(result.idToken().getClaim("acr")).isEqualTo("substantial");
        return result.idToken().getSubject();
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
    }
}
