package mn.gov.khur.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.AccountConsolePages;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.PasskeysManagePage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.Test;
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
 * The citizen's account pages (Keycloak's account console, theme "khur") in real Chromium, Mongolian and English,
 * phone and desktop widths: personal data read-only, the passkeys (listed by Keycloak, renamed and removed on our
 * passkey page), devices and sessions, linked banks. No serious axe violation, no raw message key, screenshots.
 */
@ExtendWith(KhurServerExtension.class)
class AccountConsoleInChromiumIT {

    private static final String CONSOLE = KeycloakServer.BASE_URL + "/realms/khur/account/";
    private final AdminApi admin = new AdminApi();

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void theAccountPagesAreInTheCitizensLanguageReadOnlyWhereVerifiedAndAccessible(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        PasskeyJourney.passkeyAfterSmsLogin(OidcRelyingParty.demo(), citizen);
        boolean mn = language.equals("mn");
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIntoTheConsole(browser, wait, citizen);

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), mn ? "Хувийн мэдээлэл" : "Personal info"));
            WebElement registerNumber = wait.until(d -> d.findElements(By.cssSelector("input")).stream()
                    .filter(i -> citizen.registerNumber().equals(i.getAttribute("value"))).findFirst().orElse(null));
            assertThat(!registerNumber.isEnabled() || registerNumber.getAttribute("readonly") != null)
                    .as("the register number comes from a verified source: read-only").isTrue();
            WebElement familyName = browser.findElements(By.cssSelector("input")).stream()
                    .filter(i -> citizen.familyName().equals(i.getAttribute("value"))).findFirst().orElseThrow();
            assertThat(!familyName.isEnabled() || familyName.getAttribute("readonly") != null).as("names are read-only").isTrue();
            checkPage(browser, "account-personal-info-" + language + "-" + width);

            browser.get(CONSOLE + "account-security/signing-in");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "IT passkey"));
            checkPage(browser, "account-signing-in-" + language + "-" + width);

            // keycloak.v3 26.7.3 serves custom pages only on its dynamic route: content.json names it literally (keycloak#41433)
            browser.get(CONSOLE + "content/:componentId");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(AccountConsolePages.PASSKEYS_MANAGE)));
            assertThat(browser.findElement(By.cssSelector(AccountConsolePages.PASSKEYS_PAGE)).getText()).contains(mn ? "Passkey-ууд" : "Passkeys");
            checkPage(browser, "account-passkeys-" + language + "-" + width);
            browser.findElement(By.cssSelector(AccountConsolePages.PASSKEYS_MANAGE)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PasskeysManagePage.LIST)));
            checkPage(browser, "passkeys-manage-" + language + "-" + width);
            browser.findElement(By.cssSelector(PasskeysManagePage.remove(1))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PasskeysManagePage.REMOVE_CONFIRM)));
            checkPage(browser, "passkeys-remove-confirm-" + language + "-" + width);
            browser.findElement(By.cssSelector(PasskeysManagePage.REMOVE_CANCEL)).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(PasskeysManagePage.DONE))).click();
            wait.until(d -> d.getCurrentUrl().startsWith(CONSOLE + "account-security/signing-in"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "IT passkey"));
            assertThat(browser.getCurrentUrl()).as("no code or token in the address bar").doesNotContain("code=");

            browser.get(CONSOLE + "account-security/device-activity");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), mn ? "Бүх төхөөрөмжөөс гарах" : "Sign out all devices"));
            checkPage(browser, "account-device-activity-" + language + "-" + width);

            browser.get(CONSOLE + "account-security/linked-accounts");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), mn ? "Холбоогүй банкууд" : "Banks not linked"));
            checkPage(browser, "account-linked-banks-" + language + "-" + width);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCitizenSignsOutAnotherDeviceThenEveryDevice() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        CitizenLogin.logIn(new HttpBrowser(), OidcRelyingParty.demo().begin(), citizen);
        CitizenLogin.logIn(new HttpBrowser(), OidcRelyingParty.demo().begin(), citizen);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIntoTheConsole(browser, wait, citizen);
            assertThat(sessions(userId)).isEqualTo(3);

            browser.get(CONSOLE + "account-security/device-activity");
            // each other device's row has its own "Гарах" (the current session has none)
            WebElement signOutOne = wait.until(d -> d.findElements(By.tagName("button")).stream()
                    .filter(b -> b.getText().trim().equals("Гарах") && b.isDisplayed()).findFirst().orElse(null));
            signOutOne.click();
            confirmModal(browser, wait);
            wait.until(d -> sessions(userId) == 2);

            browser.navigate().refresh(); // "Бүх төхөөрөмжөөс гарах" is offered while another device is signed in
            wait.until(d -> d.findElements(By.tagName("button")).stream()
                    .filter(b -> b.getText().trim().equals("Бүх төхөөрөмжөөс гарах") && b.isDisplayed()).findFirst().orElse(null)).click();
            confirmModal(browser, wait);
            wait.until(d -> sessions(userId) == 0);
        } finally {
            browser.quit();
        }
    }

    /** The console sends the browser to the entry page: register number, password, the code by SMS. */
    private static void logIntoTheConsole(ChromeDriver browser, WebDriverWait wait, TestCitizen citizen) {
        browser.get(CONSOLE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        wait.until(d -> d.getCurrentUrl().startsWith(CONSOLE) && !d.findElements(By.cssSelector(AccountConsolePages.NAVIGATION)).isEmpty());
    }

    private static void confirmModal(ChromeDriver browser, WebDriverWait wait) {
        WebElement confirm = wait.until(d -> d.findElements(By.cssSelector("[role=dialog] button")).stream()
                .filter(b -> b.getText().trim().equals("Батлах")).findFirst().orElse(null));
        confirm.click();
    }

    private int sessions(String userId) {
        return Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/sessions").body()).size();
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        List<String> violations = Accessibility.seriousViolations(browser);
        assertThat(violations).as("axe-core on " + name).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("no raw message keys on " + name).doesNotContainPattern("\\$\\{|\\bkhur[A-Z][A-Za-z]+\\b");
        assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling on " + name).isEqualTo(true);
    }
}
