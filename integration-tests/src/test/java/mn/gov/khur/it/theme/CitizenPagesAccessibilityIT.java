package mn.gov.khur.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages a citizen meets, in real Chromium at phone and desktop widths, both languages: no
 * serious or critical WCAG 2.1 A/AA violation (axe-core), no raw message key, and a screenshot each.
 */
@ExtendWith(KhurServerExtension.class)
class CitizenPagesAccessibilityIT {

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void loginAndReverseSmsPagesAreAccessibleAndTranslated(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            checkPage(browser, "login-" + language + "-" + width);

            browser.findElement(By.id("username")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("password")).sendKeys(citizen.password());
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code")));
            checkPage(browser, "sms-challenge-" + language + "-" + width);
        } finally {
            browser.quit();
        }
    }

    /** The code's lifetime set to its minimum (10 s) for this test only, so the page's expired state can be met. */
    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void theExpiredCodeStateIsAccessibleAndTranslated(String language, int width) {
        AdminApi admin = new AdminApi();
        String configPath = "/admin/realms/khur/authentication/config/" + reverseSmsConfigId(admin);
        String original = admin.get(configPath).body();
        ObjectNode shortLived = (ObjectNode) Json.parse(original);
        ((ObjectNode) shortLived.path("config")).put("khur.sms.codeLifetimeSeconds", "10");
        assertThat(admin.put(configPath, Json.write(shortLived)).statusCode()).isEqualTo(204);
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("password")).sendKeys(citizen.password());
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-expired")));
            checkPage(browser, "sms-expired-" + language + "-" + width);
        } finally {
            browser.quit();
            assertThat(admin.put(configPath, original).statusCode()).isEqualTo(204);
        }
    }

    private static String reverseSmsConfigId(AdminApi admin) {
        JsonNode executions = Json.parse(admin.get("/admin/realms/khur/authentication/flows/khur%20browser/executions").body());
        for (JsonNode execution : executions) {
            if ("khur-reverse-sms".equals(execution.path("providerId").asText()) && execution.hasNonNull("authenticationConfig")) {
                return execution.path("authenticationConfig").asText();
            }
        }
        throw new AssertionError("no configured khur-reverse-sms step in khur browser: " + executions);
    }

    @Test
    void wrongPasswordErrorIsTiedToTheFieldAndAccessible() {
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys(TestCitizen.random().registerNumber());
            browser.findElement(By.id("password")).sendKeys("Wrong1234x");
            browser.findElement(By.id("kc-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=input-error]")));
            assertThat(browser.findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
            checkPage(browser, "login-error-mn-1280");
        } finally {
            browser.quit();
        }
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        List<String> violations = Accessibility.seriousViolations(browser);
        assertThat(violations).as("axe-core on " + name).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("no raw message keys on " + name).doesNotContainPattern("\\$\\{|\\bkhur[A-Z][A-Za-z]+\\b");
    }
}
