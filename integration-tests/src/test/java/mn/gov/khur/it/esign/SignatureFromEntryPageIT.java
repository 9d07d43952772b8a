package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one entry page (issue #7): without acr_values it offers every method of contracts §3, and a
 * signature method picked there ends in a real signature login with acr=high and that method's amr
 * (the level is raised for this tab only, and "other methods" puts it back). Plain HTTP, no script:
 * the test plays the browser and the waiting page's polling; the sandbox MSSP and GSign play the phone.
 */
@ExtendWith(KhurServerExtension.class)
class SignatureFromEntryPageIT {

    private static final List<String> EVERY_METHOD = List.of(LoginPage.METHOD_OTP, LoginPage.METHOD_BANK,
            LoginPage.METHOD_ESIGN_TOKEN, LoginPage.METHOD_ESIGN_SIM, LoginPage.METHOD_ESIGN_CLOUD,
            LoginPage.REGISTER, LoginPage.RESET_PASSWORD, LoginPage.CHANGE_PHONE);

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    @Test
    void defaultEntryPageOffersEveryMethodAndLink() {
        HttpBrowser browser = new HttpBrowser("mn");
        HttpBrowser.Page entry = browser.open(fixture.rp.begin("openid", Map.of()).authorizationUri());
        for (String id : EVERY_METHOD) {
            assertThat(entry.has(id)).as(id + " on the entry page: " + entry.body()).isTrue();
        }
        assertThat(entry.has(LoginPage.PASSWORD)).isTrue();
        assertThat(entry.text(LoginPage.METHOD_ESIGN_SIM)).isEqualTo("Симд суурилсан тоон гарын үсэг");
    }

    @Test
    void simPickedOnTheEntryPageLogsInWithAcrHighAndSimAmr() {
        Citizen citizen = fixture.registeredCitizen();
        String phone = citizen.person().phoneE164();
        KhurServerExtension.mssp().register(phone, fixture.validCertificate(citizen.person(), KeyKind.EC_P256));

        HttpBrowser browser = new HttpBrowser("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of());
        browser.open(pending.authorizationUri());
        HttpBrowser.Page simForm = browser.submit(LoginPage.ESIGN_ENTRY, Map.of("method", "sim"), null);
        assertThat(simForm.has(SignaturePushPage.FORM)).as("straight to the SIM form: " + simForm.body()).isTrue();
        assertThat(simForm.has(SignatureChoicePage.FORM)).as("no second question").isFalse();

        HttpBrowser.Page done = signOnPhone(browser, citizen, phone);
        var result = fixture.finish(pending, done.uri());
        assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_sim", "sc"));
        assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.person().registerNumber());
    }

    @Test
    void cloudPickedWhenTheSiteAskedForSubstantialIsReportedAsHigh() {
        Citizen citizen = fixture.registeredCitizen();
        KhurServerExtension.gsign().register(citizen.person().registerNumber(), citizen.person().phoneE164(),
                fixture.validCertificate(citizen.person(), KeyKind.RSA_PKCS1));

        HttpBrowser browser = new HttpBrowser("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of("acr_values", "substantial"));
        HttpBrowser.Page entry = browser.open(pending.authorizationUri());
        assertThat(entry.has(LoginPage.PASSWORD)).isTrue();
        assertThat(entry.has(LoginPage.METHOD_ESIGN_CLOUD)).as("a higher level is never ruled out").isTrue();
        browser.submit(LoginPage.ESIGN_ENTRY, Map.of("method", "cloud"), null);

        HttpBrowser.Page done = signOnPhone(browser, citizen, citizen.person().phoneE164());
        var result = fixture.finish(pending, done.uri());
        assertThat(result.idToken().getClaim("acr")).as("what really happened, not what was asked").isEqualTo("high");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_cloud", "swk", "pin"));
    }

    @Test
    void requestForHighOffersNoPasswordFormNorBank() {
        HttpBrowser browser = new HttpBrowser("mn");
        HttpBrowser.Page page = browser.open(fixture.rp.begin("openid", Map.of("acr_values", "high")).authorizationUri());
        assertThat(page.has(LoginPage.METHOD_ESIGN_SIM)).as(page.body()).isTrue();
        assertThat(page.has(LoginPage.PASSWORD)).isFalse();
        assertThat(page.has(LoginPage.LOGIN)).isFalse();
        assertThat(page.has(LoginPage.METHOD_OTP)).isFalse();
        assertThat(page.has(LoginPage.METHOD_BANK)).isFalse();
        assertThat(page.has(SignatureChoicePage.OTHER_METHODS)).as("the site asked for high: no way down").isFalse();
    }

    @Test
    void otherMethodsGoesBackToTheEntryPageAndAPasswordLoginStaysSubstantial() {
        Citizen citizen = fixture.registeredCitizen();
        HttpBrowser browser = new HttpBrowser("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of());
        browser.open(pending.authorizationUri());
        browser.submit(LoginPage.ESIGN_ENTRY, Map.of("method", "sim"), null);
        HttpBrowser.Page choice = browser.submit(SignaturePushPage.FORM, Map.of(), "back");
        assertThat(choice.has(SignatureChoicePage.OTHER_METHODS)).as(choice.body()).isTrue();
        HttpBrowser.Page entry = browser.submit(SignatureChoicePage.FORM, Map.of(), "otherMethods");
        assertThat(entry.has(LoginPage.PASSWORD)).as("every method again: " + entry.body()).isTrue();
        assertThat(entry.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();

        HttpBrowser.Page challenge = CitizenLogin.passwordStep(browser, citizen.person().registerNumber(), citizen.person().password());
        HttpResponse<String> sms = new InboundSmsClient().send(citizen.person().phoneE164(), CitizenLogin.shownCode(challenge));
        assertThat(sms.body()).contains("\"matched\"");
        HttpBrowser.Page done = CitizenLogin.pressContinue(browser);
        assertThat(done.leftIdp()).as(done.body()).isTrue();
        var result = fixture.finish(pending, done.uri());
        assertThat(result.idToken().getClaim("acr")).as("the raise was undone").isEqualTo("substantial");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));
    }

    @Test
    void unknownMethodIsTheSamePageWithAMessageNotAServerError() {
        HttpBrowser browser = new HttpBrowser("mn");
        browser.open(fixture.rp.begin("openid", Map.of()).authorizationUri());
        HttpBrowser.Page page = browser.submit(LoginPage.ESIGN_ENTRY, Map.of("method", "<script>x"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.has(LoginPage.PASSWORD)).isTrue();
        assertThat(page.body()).contains("Нэвтрэх аргаа сонгоно уу.").doesNotContain("<script>x");
    }

    @Test
    void essentialAcrOfSubstantialHidesTheSignatureMethodsAndRefusesAForgedPick() {
        // an essential acr claim must be answered with one of its values: a signature would be reported as less
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"substantial\"]}}}";
        HttpBrowser browser = new HttpBrowser("mn");
        HttpBrowser.Page entry = browser.open(URI.create(fixture.rp.begin("openid", Map.of()).authorizationUri()
                + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8)));
        assertThat(entry.has(LoginPage.PASSWORD)).as(entry.body()).isTrue();
        assertThat(entry.has(LoginPage.METHOD_ESIGN_SIM)).isFalse();
        assertThat(entry.has(LoginPage.ESIGN_ENTRY)).isFalse();

        HttpBrowser.Page page = browser.submit(LoginPage.FORM, Map.of("method", "sim"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.has(SignaturePushPage.FORM)).isFalse();
        assertThat(page.body()).contains("Нэвтрэх аргаа сонгоно уу.");
    }

    /** Register number and phone on the push form, then the page's polling until the phone has signed. */
    private static HttpBrowser.Page signOnPhone(HttpBrowser browser, Citizen citizen, String phone) {
        HttpBrowser.Page page = browser.submit(SignaturePushPage.FORM,
                Map.of("registerNumber", citizen.person().registerNumber(), "phone", phone), "start");
        assertThat(page.has(SignaturePushPage.WAIT)).as(page.body()).isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!page.leftIdp() && page.has(SignaturePushPage.WAIT) && Instant.now().isBefore(deadline)) {
            sleep(300);
            page = browser.submit(SignaturePushPage.WAIT, Map.of(), null);
            assertThat(page.status()).isLessThan(500);
        }
        assertThat(page.leftIdp()).as(page.body()).isTrue();
        return page;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
