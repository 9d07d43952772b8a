package mn.gov.khur.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
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
 * A citizen as an operator meets them in the real admin console (Chromium): found by the phone number typed any
 * way, the details with readable labels instead of message keys, and the citizen's recent inbound SMS.
 */
@ExtendWith(KhurServerExtension.class)
class OperatorConsoleCitizenInChromiumIT {

    private final AdminApi admin = new AdminApi();

    @Test
    void theDefaultUserSearchFindsTheCitizenByThePhoneNumberTypedAnyWay() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        admin.createCitizen(TestCitizen.random()); // someone else, not to be found
        String national = citizen.phoneE164().substring(4);
        ChromeDriver browser = Browsers.chromium("en");
        try {
            WebDriverWait wait = logInToTheConsole(browser, "#/khur/users");
            for (String typed : List.of(national, "+976 " + national.substring(0, 4) + " " + national.substring(4))) {
                browser.navigate().refresh(); // a fresh Users page each time: no rows left from the search before
                WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid='table-search-input'] input")));
                search.sendKeys(typed, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("table"), citizen.username()));
                assertThat(browser.findElements(By.cssSelector("table tbody tr"))).as(typed).hasSize(1);
            }
            Screenshots.save(browser, "admin-console-user-search-by-phone");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theCitizensDetailsShowReadableLabelsAndTheirRecentInboundSms() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        // two logins by reverse SMS, each first a wrong code from the citizen's phone, then the right one: four lines,
        // longer than the 255 characters Keycloak keeps in an attribute's VALUE column (the rest is a long value)
        String code = null;
        for (int login = 0; login < 2; login++) {
            code = logInWithAWrongCodeFirst(citizen);
        }

        ChromeDriver browser = Browsers.chromium("en");
        try {
            WebDriverWait wait = logInToTheConsole(browser, "#/khur/users/" + userId + "/settings");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "SMS audit"));
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Register number", "Phone number", "Phone number verified", "Inbound SMS")
                    .doesNotContain("khurRegisterNumber", "khurPhoneNumber", "khurSmsAudit", "${");
            List<String> smsLines = wait.until(d -> {
                List<String> values = d.findElements(By.cssSelector("input, textarea")).stream()
                        .map(field -> field.getDomProperty("value"))
                        .filter(value -> value != null && value.contains(" UTC · "))
                        .flatMap(String::lines) // one text area, a line per SMS
                        .toList();
                return values.size() >= 2 ? values : null;
            });
            String masked = "+976 " + citizen.phoneE164().substring(4, 6) + "****" + citizen.phoneE164().substring(10);
            assertThat(smsLines.get(0)).as("newest first").endsWith(" · matched · login · " + masked);
            assertThat(smsLines.get(1)).endsWith(" · unmatched (wrong_code) · login · " + masked);
            assertThat(String.join("\n", smsLines)).doesNotContain(code).doesNotContain(citizen.phoneE164());
            Screenshots.save(browser, "admin-console-citizen-details");
        } finally {
            browser.quit();
        }
        // an administrator's edit of the citizen's other fields sends the long read-only value back unchanged: accepted
        var asFetched = (com.fasterxml.jackson.databind.node.ObjectNode) admin.user(userId);
        String audit = asFetched.at("/attributes/khur_sms_audit/0").asText();
        assertThat(audit.length()).as("a long value").isGreaterThan(255);
        assertThat(audit.lines()).hasSize(4);
        asFetched.put("firstName", "Сайхан");
        assertThat(admin.put("/admin/realms/khur/users/" + userId, asFetched.toString()).statusCode()).isEqualTo(204);
        assertThat(admin.user(userId).at("/firstName").asText()).isEqualTo("Сайхан");
        assertThat(admin.user(userId).at("/attributes/khur_sms_audit/0").asText()).isEqualTo(audit);
        // read-only: not even an administrator writes it through the API
        var user = (com.fasterxml.jackson.databind.node.ObjectNode) admin.user(userId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")).putArray("khur_sms_audit").add("forged");
        assertThat(admin.put("/admin/realms/khur/users/" + userId, user.toString()).statusCode()).isEqualTo(400);
        assertThat(admin.user(userId).at("/attributes/khur_sms_audit").size()).as("one value").isEqualTo(1);
        assertThat(admin.user(userId).at("/attributes/khur_sms_audit/0").asText().lines().findFirst().orElseThrow())
                .endsWith("matched · login · " + "+976 " + citizen.phoneE164().substring(4, 6) + "****"
                        + citizen.phoneE164().substring(10));
    }

    /** One reverse-SMS login of the citizen; the code that matched. */
    private static String logInWithAWrongCodeFirst(TestCitizen citizen) {
        HttpBrowser citizenBrowser = new HttpBrowser();
        citizenBrowser.open(OidcRelyingParty.demo().begin().authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(citizenBrowser, citizen.registerNumber(), citizen.password()));
        String wrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), wrong).body()).contains("\"unmatched\"");
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        assertThat(CitizenLogin.pressContinue(citizenBrowser).leftIdp()).isTrue();
        return code;
    }

    static WebDriverWait logInToTheConsole(ChromeDriver browser, String fragment) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(KeycloakServer.BASE_URL + "/admin/master/console/" + fragment);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys("admin");
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys("admin");
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        return wait;
    }
}
