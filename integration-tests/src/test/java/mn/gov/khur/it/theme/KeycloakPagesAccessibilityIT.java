package mn.gov.khur.it.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The rest of the pages a citizen can meet, besides the login and reverse-SMS pages of
 * {@link CitizenPagesAccessibilityIT}: the bank chooser, the digital-signature choice, and
 * Keycloak's own pages (errors, login restarted, page expired, logout confirmation) and the
 * reverse-SMS page once more for its phone width, in real Chromium at phone and
 * desktop widths, both languages: no serious or critical WCAG 2.1 A/AA violation (axe-core), no raw
 * message key, no horizontal scrolling on a phone, and a screenshot each.
 */
@ExtendWith(KhurServerExtension.class)
class KeycloakPagesAccessibilityIT {

    private static final String AUTH = KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect";

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
