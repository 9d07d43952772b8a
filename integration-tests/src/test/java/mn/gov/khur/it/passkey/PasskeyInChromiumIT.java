package mn.gov.khur.it.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import mn.gov.khur.it.support.Accessibility;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.Browsers;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.Screenshots;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.PasskeyOfferPage;
import mn.gov.khur.it.support.pages.ReverseSmsPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys as a citizen meets them in real Chromium with a virtual authenticator (a platform authenticator with
 * user verification, Chromium's WebAuthn testing API): SMS login, the offer, a passkey created by the page's own
 * script, logout, then a login with the passkey alone; a cancelled prompt and a removed passkey are refused; the
 * new pages pass axe in both languages at phone and desktop widths.
 */
@ExtendWith(KhurServerExtension.class)
class PasskeyInChromiumIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void smsLoginThenOfferThenThePasskeyAloneByAutofillOrButtonGivesSubstantialWithThePasskeyAmr() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            ConditionalRequests.watch(browser);
            VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            var smsTokens = smsLoginTakingTheOffer(browser, wait, citizen);
            assertThat(smsTokens.idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));
            assertThat(authenticator.getCredentials()).as("the passkey lives in the authenticator").hasSize(1);
            assertThat(authenticator.getCredentials().get(0).isResidentCredential()).isTrue();
            assertThat(PasskeyJourney.passkeyLabels(admin, userId)).as("named after the device").containsExactly("Chrome, Linux");
            logOut(browser, wait, smsTokens);

            // the register-number field's passkey autofill (conditional mediation): Chromium's virtual authenticator
            // picks the only passkey at once, so the page logs in without a click, a password or an SMS
            OidcRelyingParty.PendingLogin byAutofill = rp.begin();
            browser.get(byAutofill.authorizationUri().toString());
            var autofillTokens = rp.finish(byAutofill, backAtTheSite(browser, wait));
            assertThat(autofillTokens.idToken().getClaim("acr")).isEqualTo("substantial");
            assertThat(autofillTokens.idToken().getClaim("amr")).isEqualTo(List.of("passkey", "hwk", "mfa"));
            assertThat(autofillTokens.idToken().getSubject()).isEqualTo(userId);
            assertThat(admin.events(userId, "LOGIN").get(0).at("/details/auth_method").asText()).isEqualTo("khur-passkey");
            logOut(browser, wait, autofillTokens);

            // "Passkey-ээр нэвтрэх": a citizen who ignores the autofill presses the button
            ConditionalRequests.ignoreAutofill(browser);
            OidcRelyingParty.PendingLogin byButton = rp.begin();
            browser.get(byButton.authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_PASSKEY))).click();
            var buttonTokens = rp.finish(byButton, backAtTheSite(browser, wait));
            assertThat(buttonTokens.idToken().getClaim("acr")).isEqualTo("substantial");
            assertThat(buttonTokens.idToken().getClaim("amr")).isEqualTo(List.of("passkey", "hwk", "mfa"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCancelledPromptAndARemovedPasskeyAreRefused() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium("mn");
        try {
            ConditionalRequests.watch(browser);
            VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            logOut(browser, wait, smsLoginTakingTheOffer(browser, wait, citizen));

            // the citizen does not confirm with fingerprint/PIN (the browser answers NotAllowedError): refused,
            // nothing counted, the page says so
            ConditionalRequests.ignoreAutofill(browser);
            authenticator.setUserVerified(false);
            browser.get(rp.begin().authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_PASSKEY))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Passkey-ээр нэвтрэхийг цуцаллаа"));
            assertThat(browser.getCurrentUrl()).doesNotStartWith(OidcRelyingParty.REDIRECT_URI.toString());
            assertThat(admin.attackDetection(userId).path("numFailures").asInt()).isZero();

            // the passkey removed from the account but still in the authenticator: refused and counted
            String credentialId = PasskeyJourney.passkeyCredentialIds(admin, userId).get(0);
            assertThat(admin.delete("/admin/realms/khur/users/" + userId + "/credentials/" + credentialId).statusCode()).isEqualTo(204);
            authenticator.setUserVerified(true);
            browser.get(rp.begin().authorizationUri().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(LoginPage.METHOD_PASSKEY))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Passkey-ээр нэвтэрч чадсангүй"));
            assertThat(browser.getCurrentUrl()).doesNotStartWith(OidcRelyingParty.REDIRECT_URI.toString());
            PasskeyJourney.awaitFailures(admin, userId, 1);
        } finally {
            browser.quit();
            admin.clearAttackDetection(userId);
        }
    }

    /** The entry page with the passkey button, the offer, and the page after a failed creation; then skipping. */
    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"mn,360", "mn,1280", "en,360", "en,1280"})
    void thePasskeyPagesAreAccessibleAndTranslated(String language, int width) {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        ChromeDriver browser = Browsers.chromium(language);
        try {
            browser.manage().window().setSize(new Dimension(width, 900));
            VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            OidcRelyingParty.PendingLogin login = rp.begin();
            browser.get(login.authorizationUri() + "&ui_locales=" + language);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.METHOD_PASSKEY)));
            checkPage(browser, "login-passkey-" + language + "-" + width);

            smsLoginUntilTheOffer(browser, wait, null, citizen, language);
            checkPage(browser, "passkey-offer-" + language + "-" + width);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo(language.equals("mn") ? "Дараагийн удаа SMS-гүйгээр нэвтрэх" : "Sign in without SMS next time");

            authenticator.setUserVerified(false); // the citizen does not confirm: the page after a failed creation
            browser.findElement(By.cssSelector(PasskeyOfferPage.CREATE)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(PasskeyOfferPage.TRY_AGAIN)));
            checkPage(browser, "passkey-create-error-" + language + "-" + width);

            browser.findElement(By.cssSelector(PasskeyOfferPage.SKIP)).click();
            backAtTheSite(browser, wait);
        } finally {
            browser.quit();
        }
    }

    /** A phone's or laptop's own authenticator: keeps discoverable passkeys, verifies the user (fingerprint, PIN). */
    static VirtualAuthenticatorOptions platformAuthenticator() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    /** The entry page (this device can keep a passkey), password, the code texted: the offer. */
    /** A reverse-SMS login that takes the passkey offer: the browser's authenticator then holds the citizen's passkey. */
    private OidcRelyingParty.LoginResult smsLoginTakingTheOffer(ChromeDriver browser, WebDriverWait wait, TestCitizen citizen) {
        OidcRelyingParty.PendingLogin login = rp.begin();
        smsLoginUntilTheOffer(browser, wait, login, citizen, "");
        browser.findElement(By.cssSelector(PasskeyOfferPage.CREATE)).click();
        return rp.finish(login, backAtTheSite(browser, wait));
    }

    private void smsLoginUntilTheOffer(ChromeDriver browser, WebDriverWait wait, OidcRelyingParty.PendingLogin login,
                                       TestCitizen citizen, String language) {
        if (login != null) {
            browser.get(login.authorizationUri() + (language.isEmpty() ? "" : "&ui_locales=" + language));
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(LoginPage.USERNAME))).sendKeys(citizen.registerNumber());
        wait.until(d -> {
            Cookie device = d.manage().getCookieNamed("KHUR_PASSKEY_DEVICE");
            return device != null && device.getValue().equals("platform");
        });
        browser.findElement(By.cssSelector(LoginPage.PASSWORD)).sendKeys(citizen.password());
        browser.findElement(By.cssSelector(LoginPage.LOGIN)).click();
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(ReverseSmsPage.CODE))).getText();
        assertThat(new InboundSmsClient().send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(PasskeyOfferPage.CREATE)));
    }

    /** The relying party's callback (nothing listens there: Chromium shows an error page, the URL is what matters). */
    private static URI backAtTheSite(ChromeDriver browser, WebDriverWait wait) {
        wait.until(d -> d.getCurrentUrl().startsWith(OidcRelyingParty.REDIRECT_URI.toString()));
        return URI.create(browser.getCurrentUrl());
    }

    private void logOut(ChromeDriver browser, WebDriverWait wait, OidcRelyingParty.LoginResult tokens) {
        browser.get(rp.provider().getEndSessionEndpointURI() + "?id_token_hint="
                + URLEncoder.encode(tokens.tokens().getIDTokenString(), StandardCharsets.UTF_8));
        wait.until(d -> d.manage().getCookieNamed("KEYCLOAK_IDENTITY") == null);
    }

    private static void checkPage(ChromeDriver browser, String name) {
        Screenshots.save(browser, name);
        assertThat(Accessibility.seriousViolations(browser)).as("axe-core on " + name).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).as("no raw message keys on " + name).doesNotContainPattern("\\$\\{|\\bkhur[A-Z][A-Za-z]+\\b");
    }
}
