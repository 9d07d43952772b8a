package mn.gov.khur.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rest of the pages a citizen can meet, besides the login and reverse-SMS pages of
 * {@link CitizenPagesAccessibilityIT}: the bank chooser, the digital-signature choice, and
 * Keycloak's own pages (errors, login restarted, page expired, logout confirmation) and the
 * reverse-SMS page once more for its phone width, the digital-signature waiting pages (ESIGN token,
 * SIM/cloud push), a required action (update password), the invalid action-link page and the
 * session-expired page, in real Chromium at phone and desktop widths, both languages: no serious or
 * critical WCAG 2.1 A/AA violation (axe-core), no raw message key, no horizontal scrolling on a phone,
 * and a screenshot each.
 */
@ExtendWith(KhurServerExtension.class)
class KeycloakPagesAccessibilityIT {

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

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void bankChooserAndSignatureChoiceAreAccessibleAndTranslated(String language, int width) {
        ChromeDriver browser = open(language, width);
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-banks")));
            browser.findElement(By.id("khur-method-bank")).click();
            checkPage(browser, "bank-chooser-" + language + "-" + width, language, width);

            browser.manage().deleteAllCookies();
            browser.get(OidcRelyingParty.demo().begin("openid", Map.of("acr_values", "high")).authorizationUri()
                    + "&ui_locales=" + language);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-method-esign-token")));
            checkPage(browser, "esign-choice-" + language + "-" + width, language, width);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void keycloakErrorExpiredAndLogoutPagesAreAccessibleAndTranslated(String language, int width) {
        ChromeDriver browser = open(language, width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            // error page: an unknown client
            browser.get(AUTH + "/auth?client_id=no-such-client&response_type=code&scope=openid"
                    + "&redirect_uri=http%3A%2F%2Flocalhost%3A8092%2Fcallback&ui_locales=" + language);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            checkPage(browser, "error-client-" + language + "-" + width, language, width);

            // error page: a known client, a redirect_uri it does not have
            browser.get(AUTH + "/auth?client_id=demo-rp&response_type=code&scope=openid"
                    + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcallback&ui_locales=" + language);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            checkPage(browser, "error-redirect-" + language + "-" + width, language, width);

            // login timed out: a login-actions URL of a login whose tab no longer exists (restarted)
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            String action = browser.findElement(By.id("kc-form-login")).getAttribute("action");
            browser.get(action.replaceAll("tab_id=[^&]*", "tab_id=gone0000000"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            checkPage(browser, "login-restarted-" + language + "-" + width, language, width);

            // logout confirmation: no id_token_hint
            browser.manage().deleteAllCookies();
            browser.get(AUTH + "/logout?ui_locales=" + language);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            checkPage(browser, "logout-confirm-" + language + "-" + width, language, width);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void pageExpiredAfterResubmittingAnEarlierStepIsAccessibleAndTranslated(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        ChromeDriver browser = open(language, width);
        try {
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            String oldAction = browser.findElement(By.id("kc-form-login")).getAttribute("action");
            browser.findElement(By.id("username")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("password")).sendKeys(citizen.password());
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code")));
            checkPage(browser, "sms-challenge-check-" + language + "-" + width, language, width);

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
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("loginRestartLink")));
            checkPage(browser, "page-expired-" + language + "-" + width, language, width);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void signatureWaitingPagesAreAccessibleAndAnnounceProgress(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        // the phone never answers: the push page stays on "waiting"
        MsspSimulator mssp = KhurServerExtension.mssp();
        mssp.register(citizen.phoneE164(), KhurServerExtension.esignPki().issue(CitizenCertificateRequest.valid(
                "SIM of " + citizen.registerNumber(), citizen.registerNumber(), citizen.familyName() + " " + citizen.givenName(),
                KeyKind.EC_P256, revocation.endpoints(), Instant.now())));
        mssp.behaviour(citizen.phoneE164(), MsspSimulator.Behaviour.TIMEOUT);
        ChromeDriver browser = open(language, width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            // ESIGN token page, reached from the entry page's signature buttons
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-method-esign-token"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-esign-sign")));
            assertThat(browser.findElement(By.id("khur-esign-status")).getAttribute("aria-live")).isEqualTo("polite");
            checkPage(browser, "esign-token-" + language + "-" + width, language, width);

            // SIM push: start page, then the waiting page; its polling script is blocked so that axe reads
            // one page (without it the page is what a citizen without JavaScript gets: a "check" button)
            browser.findElement(By.id("khur-esign-back")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("khur-method-esign-sim"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-esign-push-sign")));
            checkPage(browser, "esign-push-start-" + language + "-" + width, language, width);
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*khur-esign-wait.js*")));
            browser.findElement(By.id("khur-esign-register-number")).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("khur-esign-phone")).sendKeys(citizen.phoneE164().substring(4));
            browser.findElement(By.id("khur-esign-push-sign")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-esign-verification-code")));
            var status = browser.findElement(By.id("khur-esign-push-status"));
            assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
            assertThat(status.getText()).isNotBlank();
            checkPage(browser, "esign-push-wait-" + language + "-" + width, language, width);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void requiredActionUpdatePasswordIsAccessibleAndTranslated(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi();
        String userId = admin.createCitizen(citizen);
        ObjectNode user = (ObjectNode) admin.user(userId);
        user.putArray("requiredActions").add("UPDATE_PASSWORD");
        assertThat(admin.put("/admin/realms/" + KeycloakServer.REALM + "/users/" + userId, user.toString()).statusCode())
                .isEqualTo(204);
        ChromeDriver browser = open(language, width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            // the reverse-SMS page without its script: the citizen presses Continue after texting the code
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*khur-sms-wait.js*")));
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(citizen.registerNumber());
            browser.findElement(By.id("password")).sendKeys(citizen.password());
            browser.findElement(By.id("kc-login")).click();
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("khur-sms-code"))).getText();
            assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
            browser.findElement(By.id("khur-sms-continue")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
            checkPage(browser, "required-update-password-" + language + "-" + width, language, width);

            // two different passwords: the error is tied to the field
            browser.findElement(By.id("password-new")).sendKeys("Shine2026pass");
            browser.findElement(By.id("password-confirm")).sendKeys("Other2026pass");
            browser.findElement(By.cssSelector("[type=submit]")).click();
            // the old page may still be there while the answer loads
            wait.ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.attributeToBe(By.id("password-confirm"), "aria-invalid", "true"));
            checkPage(browser, "required-update-password-error-" + language + "-" + width, language, width);
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void invalidActionLinkAndSessionExpiredPagesAreAccessibleAndTranslated(String language, int width) {
        ChromeDriver browser = open(language, width);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            // an action link (e-mail / SMS link) that is expired, used or mangled
            browser.get(KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM
                    + "/login-actions/action-token?key=eyJhbGciOiJIUzI1NiJ9.e30.bad&client_id=demo-rp&ui_locales=" + language);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            checkPage(browser, "action-link-invalid-" + language + "-" + width, language, width);

            // the login's session cookie is gone (expired with the browser session, or deleted) when the form is sent
            browser.get(OidcRelyingParty.demo().begin().authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(TestCitizen.random().registerNumber());
            browser.findElement(By.id("password")).sendKeys("Any2026pass");
            browser.manage().deleteAllCookies();
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kc-form-login")));
            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-page-id")).isEqualTo("login-error");
            checkPage(browser, "session-expired-" + language + "-" + width, language, width);
            // the text must not send the citizen to a button this page does not have
            assertThat(browser.findElements(By.id("backToApplication"))).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .doesNotContain("Үйлчилгээ рүү буцах").doesNotContain("Back to Application");
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver open(String language, int width) {
        ChromeDriver browser = Browsers.chromium(language);
        browser.manage().window().setSize(new Dimension(width, 900));
        return browser;
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
