package mn.gov.khur.it.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.KeycloakPages;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page a citizen can meet, walked in real Chromium in both languages at phone (360 px) and desktop (1280 px)
 * width: the entry page, the reverse-SMS page (waiting and code expired), the bank chooser, the digital-signature
 * choice, the ESIGN token page, the SIM/cloud start and waiting pages, a required action (update password, with its
 * field error), and Keycloak's own pages (errors, login restarted, page expired, logout confirmation, invalid action
 * link, session expired). Each page: no serious or critical WCAG 2.1 A/AA violation (axe-core), no raw message key,
 * Mongolian text and {@code lang="mn"} in Mongolian, no horizontal scrolling on a phone, and a screenshot.
 * (The self-service pages are walked by SelfServiceInChromiumIT, the bank's by BankLoginInChromiumIT.)
 */
@ExtendWith(KhurServerExtension.class)
class AccessibilityWalkIT {

    private static final String AUTH = KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect";

    private static RevocationServer revocation;

    @BeforeAll
    static void startRevocation() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stopRevocation() {
        revocation.close();
    }

    /** One way through the pages; each is walked in every language at every width. */
    enum Walk {
        LOGIN_AND_REVERSE_SMS(AccessibilityWalkIT::loginAndReverseSms),
        EXPIRED_CODE(AccessibilityWalkIT::expiredCode),
        BANK_CHOOSER_AND_SIGNATURE_CHOICE(AccessibilityWalkIT::bankChooserAndSignatureChoice),
        KEYCLOAK_ERROR_RESTARTED_AND_LOGOUT(AccessibilityWalkIT::keycloakErrorRestartedAndLogout),
        PAGE_EXPIRED_AFTER_AN_EARLIER_STEP(AccessibilityWalkIT::pageExpiredAfterAnEarlierStep),
        SIGNATURE_WAITING_PAGES(AccessibilityWalkIT::signatureWaitingPages),
        REQUIRED_ACTION_UPDATE_PASSWORD(AccessibilityWalkIT::requiredActionUpdatePassword),
        INVALID_ACTION_LINK_AND_SESSION_EXPIRED(AccessibilityWalkIT::invalidActionLinkAndSessionExpired);

        private final BiConsumer<Visit, ChromeDriver> steps;

        Walk(BiConsumer<Visit, ChromeDriver> steps) {
            this.steps = steps;
        }
    }

    static Stream<Arguments> everyWalkInEveryLanguageAndWidth() {
        return Arrays.stream(Walk.values()).flatMap(walk -> Stream.of(
                arguments(walk, "mn", 360), arguments(walk, "mn", 1280), arguments(walk, "en", 360), arguments(walk, "en", 1280)));
    }

    @ParameterizedTest(name = "{0}, {1} at {2}px")
    @MethodSource("everyWalkInEveryLanguageAndWidth")
    void everyPageIsAccessibleAndTranslated(Walk walk, String language, int width) {
        Visit visit = new Visit(language, width);
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            walk.steps.accept(visit, browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void wrongPasswordErrorIsTiedToTheFieldAndAccessible() {
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri().toString());
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)))
                    .sendKeys(TestCitizen.random().registerNumber());
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys("Wrong1234x");
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=input-error]")));
            assertThat(browser.findElement(By.cssSelector(LoginPage.USERNAME)).getAttribute("aria-invalid")).isEqualTo("true");
            checkPage(browser, "login-error-mn-1280", "mn", 1280);
        } finally {
            browser.quit();
        }
    }

    private static void loginAndReverseSms(Visit visit, ChromeDriver browser) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        browser.get(visit.authorizationUri());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)));
        visit.check(browser, "login");

        browser.findElement(By.cssSelector(LoginPage.USERNAME)).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE)));
        visit.check(browser, "sms-challenge");
    }

    /** The code's lifetime set to its minimum (10 s) for this walk only, so the page's expired state can be met. */
    private static void expiredCode(Visit visit, ChromeDriver browser) {
        AdminApi admin = new AdminApi();
        String configPath = "/admin/realms/khur/authentication/config/" + reverseSmsConfigId(admin);
        String original = admin.get(configPath).body();
        ObjectNode shortLived = (ObjectNode) Json.parse(original);
        ((ObjectNode) shortLived.path("config")).put("khur.sms.codeLifetimeSeconds", "10");
        assertThat(admin.put(configPath, Json.write(shortLived)).statusCode()).isEqualTo(204);
        try {
            TestCitizen citizen = TestCitizen.random();
            admin.createCitizen(citizen);
            browser.get(visit.authorizationUri());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
            browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
            browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE)));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.EXPIRED)));
            visit.check(browser, "sms-expired");
        } finally {
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

    private static void bankChooserAndSignatureChoice(Visit visit, ChromeDriver browser) {
        browser.get(visit.authorizationUri());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.BANKS)));
        browser.findElement(By.cssSelector(LoginPage.METHOD_BANK)).click();
        visit.check(browser, "bank-chooser");

        browser.manage().deleteAllCookies();
        browser.get(OidcRelyingParty.demo().begin("openid", Map.of("acr_values", "high")).authorizationUri()
                + "&ui_locales=" + visit.language());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.METHOD_ESIGN_TOKEN)));
        visit.check(browser, "esign-choice");
    }

    private static void keycloakErrorRestartedAndLogout(Visit visit, ChromeDriver browser) {
        String language = visit.language();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // error page: an unknown client
        browser.get(AUTH + "/auth?client_id=no-such-client&response_type=code&scope=openid"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8092%2Fcallback&ui_locales=" + language);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        visit.check(browser, "error-client");

        // error page: a known client, a redirect_uri it does not have
        browser.get(AUTH + "/auth?client_id=demo-rp&response_type=code&scope=openid"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback&ui_locales=" + language);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        visit.check(browser, "error-redirect");

        // login timed out: a login-actions URL of a login whose tab no longer exists (restarted)
        browser.get(visit.authorizationUri());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)));
        String action = browser.findElement(By.cssSelector(LoginPage.FORM)).getAttribute("action");
        browser.get(action.replaceAll("tab_id=[^&]*", "tab_id=gone0000000"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        visit.check(browser, "login-restarted");

        // logout confirmation: no id_token_hint
        browser.manage().deleteAllCookies();
        browser.get(AUTH + "/logout?ui_locales=" + language);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        visit.check(browser, "logout-confirm");
    }

    private static void pageExpiredAfterAnEarlierStep(Visit visit, ChromeDriver browser) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        browser.get(visit.authorizationUri());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)));
        String oldAction = browser.findElement(By.cssSelector(LoginPage.FORM)).getAttribute("action");
        browser.findElement(By.cssSelector(LoginPage.USERNAME)).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE)));
        visit.check(browser, "sms-challenge-check");

        // the password form again, as from a second tab or the back button: Keycloak's "page expired"
        browser.executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                for (const [n, v] of [['username', arguments[1]], ['password', arguments[2]]]) {
                  const i = document.createElement('input');
                  i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i);
                }
                document.body.appendChild(f);
                f.submit();""", oldAction, citizen.registerNumber(), citizen.password());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(KeycloakPages.LOGIN_RESTART)));
        visit.check(browser, "page-expired");
    }

    private static void signatureWaitingPages(Visit visit, ChromeDriver browser) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        // the phone never answers: the push page stays on "waiting"
        MsspSimulator mssp = KhurServerExtension.mssp();
        mssp.register(citizen.phoneE164(), KhurServerExtension.esignPki().issue(CitizenCertificateRequest.valid(
                "SIM of " + citizen.registerNumber(), citizen.registerNumber(), citizen.familyName() + " " + citizen.givenName(),
                KeyKind.EC_P256, revocation.endpoints(), Instant.now())));
        mssp.behaviour(citizen.phoneE164(), MsspSimulator.Behaviour.TIMEOUT);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // ESIGN token page, reached from the entry page's signature buttons
        browser.get(visit.authorizationUri());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_ESIGN_TOKEN))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(EsignTokenPage.SIGN)));
        assertThat(browser.findElement(By.cssSelector(EsignTokenPage.STATUS)).getAttribute("aria-live")).isEqualTo("polite");
        visit.check(browser, "esign-token");

        // SIM push: start page, then the waiting page; its polling script is blocked so that axe reads
        // one page (without it the page is what a citizen without JavaScript gets: a "check" button)
        browser.findElement(By.cssSelector(EsignTokenPage.BACK)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_ESIGN_SIM))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.SIGN)));
        visit.check(browser, "esign-push-start");
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*khur-esign-wait.js*")));
        browser.findElement(By.cssSelector(SignaturePushPage.REGISTER_NUMBER)).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(SignaturePushPage.PHONE)).sendKeys(citizen.phoneE164().substring(4));
        browser.findElement(By.cssSelector(SignaturePushPage.SIGN)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SignaturePushPage.VERIFICATION_CODE)));
        var status = browser.findElement(By.cssSelector(SignaturePushPage.STATUS));
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(status.getText()).isNotBlank();
        visit.check(browser, "esign-push-wait");
    }

    private static void requiredActionUpdatePassword(Visit visit, ChromeDriver browser) {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi();
        String userId = admin.createCitizen(citizen);
        ObjectNode user = (ObjectNode) admin.user(userId);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        assertThat(admin.put("/admin/realms/" + KeycloakServer.REALM + "/users/" + userId, user.toString()).statusCode())
                .isEqualTo(204);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // the reverse-SMS page without its script: the citizen presses Continue after texting the code
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*khur-sms-wait.js*")));
        browser.get(visit.authorizationUri());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        browser.findElement(By.cssSelector(ReverseSmsPage.CONTINUE)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(KeycloakPages.NEW_PASSWORD)));
        visit.check(browser, "required-update-password");

        // two different passwords: the error is tied to the field
        browser.findElement(By.cssSelector(KeycloakPages.NEW_PASSWORD)).sendKeys("Shine2026pass");
        browser.findElement(By.cssSelector(KeycloakPages.CONFIRM_PASSWORD)).sendKeys("Other2026pass");
        browser.findElement(By.cssSelector("[type=submit]")).click();
        // the old page may still be there while the answer loads
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.cssSelector(KeycloakPages.CONFIRM_PASSWORD), "aria-invalid", "true"));
        visit.check(browser, "required-update-password-error");
    }

    private static void invalidActionLinkAndSessionExpired(Visit visit, ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // an action link (e-mail / SMS link) that is expired, used or mangled
        browser.get(KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM
                + "/login-actions/action-token?key=eyJhbGciOiJIUzI1NiJ9.e30.bad&client_id=demo-rp&ui_locales=" + visit.language());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        visit.check(browser, "action-link-invalid");

        // the login's session cookie is gone (expired with the browser session, or deleted) when the form is sent
        browser.get(visit.authorizationUri());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME)))
                .sendKeys(TestCitizen.random().registerNumber());
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys("Any2026pass");
        browser.manage().deleteAllCookies();
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(LoginPage.FORM)));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-page-id")).isEqualTo("login-error");
        visit.check(browser, "session-expired");
        // the text must not send the citizen to a button this page does not have
        assertThat(browser.findElements(By.cssSelector(KeycloakPages.BACK_TO_APPLICATION))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("Үйлчилгээ рүү буцах").doesNotContain("Back to Application");
    }

    /** One language at one width: where a walk starts, and the check of each page it meets. */
    record Visit(String language, int width) {

        String authorizationUri() {
            return OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language;
        }

        /** Checks the page and saves its screenshot as {@code <page>-<language>-<width>.png}. */
        void check(ChromeDriver browser, String page) {
            checkPage(browser, page + "-" + language + "-" + width, language, width);
        }
    }

    private static void checkPage(ChromeDriver browser, String name, String language, int width) {
        Screenshots.save(browser, name);
        List<String> violations = Accessibility.seriousViolations(browser);
        assertThat(violations).as("axe-core on " + name).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("no raw message keys on " + name)
                .doesNotContainPattern("\\$\\{|\\?\\?\\?|\\bkhur[A-Z][A-Za-z]+\\b|\\b[a-z]+[A-Z][a-z]+[A-Z]?[A-Za-z]*(Msg|Title|Message|Button)\\b");
        if ("mn".equals(language)) {
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("lang on " + name).isEqualTo("mn");
            assertThat(text).as("Mongolian text on " + name).containsPattern("[А-Яа-яӨөҮүЁё]");
        }
        if (width <= 400) {
            Object fits = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
            Object wide = browser.executeScript("""
                    const w = window.innerWidth, out = [];
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect();
                      if (r.right > w + 0.5 && r.width > 0) out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) + ' right=' + Math.round(r.right));
                    }
                    return out.slice(0, 8).join('; ');""");
            assertThat(fits).as("no horizontal scroll at " + width + "px on " + name + ", too wide: " + wide).isEqualTo(Boolean.TRUE);
        }
    }
}
