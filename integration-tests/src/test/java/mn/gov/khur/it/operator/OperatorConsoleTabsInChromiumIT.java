package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real admin console in Chromium: Realm settings shows our tab, with the bilingual labels, and an
 * operator's save there is the component the webhook reads; a refused value shows Keycloak's error.
 */
@ExtendWith(KhurServerExtension.class)
class OperatorConsoleTabsInChromiumIT {

    private static final String TAB_TYPE = "org.keycloak.services.ui.extend.UiTabProvider";
    private final AdminApi admin = new AdminApi();

    @Test
    void anOperatorSetsTheSenderLimitInTheRealmSettingsTab() {
        ChromeDriver browser = Browsers.chromium("en");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            browser.get(KeycloakServer.BASE_URL + "/admin/master/console/#/khur/realm-settings/khur-sms-gateway");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys("admin");
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys("admin");
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();

            WebElement limit = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid='messages-per-sender-per-minute']")));
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("khur-sms-gateway", "khur-phone-ownership")
                    .contains("Messages per sender per minute / Илгээгч тутмын минутад авах мессеж")
                    .contains("Inbound secret / Ирэх SMS-ийн нууц түлхүүр");
            Screenshots.save(browser, "admin-console-khur-sms-gateway-tab");

            limit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-1");
            browser.findElement(By.cssSelector("[data-testid='save']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "Messages per sender per minute must be from 1 to 100000, got -1"));
            assertThat(savedLimit()).as("nothing stored").isNull();

            limit.sendKeys(Keys.chord(Keys.CONTROL, "a"), "25");
            browser.findElement(By.cssSelector("[data-testid='save']")).click();
            wait.until(driver -> "25".equals(savedLimit()));
        } finally {
            browser.quit();
            for (JsonNode component : tabs()) {
                if ("khur-sms-gateway".equals(component.path("providerId").asText())) {
                    admin.delete("/admin/realms/khur/components/" + component.path("id").asText());
                }
            }
        }
    }

    @Test
    void realmSettingsFromTheLeftMenuShowsOurTabsWithTheValuesInForce() {
        ChromeDriver browser = Browsers.chromium("en");
        try {
            WebDriverWait wait = OperatorConsoleCitizenInChromiumIT.logInToTheConsole(browser, "#/khur");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='nav-item-realm-settings']"))).click();
            wait.until(ExpectedConditions.urlContains("#/khur/realm-settings"));
            // the operator's way in: no tab in the route, yet our tabs are listed beside Keycloak's own
            WebElement ownershipTab = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[.//*[normalize-space()='khur-phone-ownership'] or normalize-space()='khur-phone-ownership']")));
            assertThat(browser.findElements(By.xpath("//a[.//*[normalize-space()='khur-sms-gateway'] or normalize-space()='khur-sms-gateway']")))
                    .hasSize(1);
            assertThat(browser.getCurrentUrl()).as("opened without a tab in the route").endsWith("#/khur/realm-settings");
            clickTab(browser, ownershipTab); // at the end of the tab bar, scrolled out of a 1280 px window
            // nothing saved for the realm: the fields show what is in force, from the server's environment
            WebElement timeout = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='timeout-ms']")));
            assertThat(timeout.getDomProperty("value")).isEqualTo("5000");
            assertThat(browser.findElement(By.cssSelector("[data-testid='url']")).getDomProperty("value"))
                    .isEqualTo(mn.gov.khur.it.support.SandboxSubscribers.service().lookupUri().toString());
            clickTab(browser, browser.findElement(
                    By.xpath("//a[.//*[normalize-space()='khur-sms-gateway'] or normalize-space()='khur-sms-gateway']")));
            WebElement shortNumber = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid='short-number']")));
            assertThat(shortNumber.getDomProperty("value")).isEqualTo("130092");
            assertThat(browser.findElement(By.cssSelector("[data-testid='messages-per-sender-per-minute']")).getDomProperty("value"))
                    .isEqualTo("30");
            Screenshots.save(browser, "admin-console-khur-sms-gateway-in-force");
        } finally {
            browser.quit();
        }
        assertThat(tabs()).as("looking saved nothing").noneMatch(tab -> tab.path("providerId").asText().startsWith("khur-"));
    }

    private static void clickTab(ChromeDriver browser, WebElement tab) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'nearest', inline: 'center'}); arguments[0].click();", tab);
    }

    /** The saved per-sender limit of the realm's tab, null while there is no tab. */
    private String savedLimit() {
        for (JsonNode component : tabs()) {
            if ("khur-sms-gateway".equals(component.path("providerId").asText())) {
                return component.path("config").path("messages-per-sender-per-minute").path(0).asText(null);
            }
        }
        return null;
    }

    private JsonNode tabs() {
        return Json.parse(admin.get("/admin/realms/khur/components?type=" + TAB_TYPE).body());
    }
}
