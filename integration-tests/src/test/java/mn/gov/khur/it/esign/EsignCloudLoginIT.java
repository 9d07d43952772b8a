package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.it.support.pages.SignaturePushPage;
import mn.gov.khur.sandbox.gsign.GSignSimulator;
import mn.gov.khur.sandbox.gsign.GSignSimulator.Behaviour;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GSign cloud-signature login over plain HTTP against the sandbox GSign (Smart-ID-v2-style API):
 * the test plays the browser and the page's polling, the simulator the GSign app (approve /
 * decline / timeout / forged signature per citizen).
 */
@ExtendWith(KhurServerExtension.class)
class EsignCloudLoginIT {

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;
    private static GSignSimulator gsign;

    @BeforeAll
    static void start() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
        gsign = KhurServerExtension.gsign();
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    private static Citizen citizenWithGSign(KeyKind kind) {
        Citizen citizen = fixture.registeredCitizen();
        gsign.register(citizen.person().registerNumber(), citizen.person().phoneE164(),
                fixture.validCertificate(citizen.person(), kind));
        return citizen;
    }

    private record Login(OidcRelyingParty.PendingLogin pending, HttpBrowser browser, HttpBrowser.Page page) {
    }

    private static Login startCloudLogin(String registerNumber, String phone) {
        HttpBrowser browser = new HttpBrowser("mn");
        OidcRelyingParty.PendingLogin pending = fixture.rp.begin("openid", Map.of("acr_values", "high"));
        HttpBrowser.Page choice = browser.open(pending.authorizationUri());
        assertThat(choice.has(LoginPage.METHOD_ESIGN_CLOUD)).as(choice.body()).isTrue();
        assertThat(choice.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
        assertThat(choice.has(LoginPage.METHOD_ESIGN_SIM)).isTrue();
        assertThat(choice.has(LoginPage.PASSWORD)).as("acr=high offers only the signature methods").isFalse();
        HttpBrowser.Page form = browser.submit(SignatureChoicePage.FORM, Map.of("method", "cloud"), null);
        assertThat(form.body()).contains("Клауд тоон гарын үсэг");
        HttpBrowser.Page page = browser.submit(SignaturePushPage.FORM,
                Map.of("registerNumber", registerNumber, "phone", phone), "start");
        assertThat(page.status()).isLessThan(500);
        return new Login(pending, browser, page);
    }

    private static HttpBrowser.Page waitForResult(Login login) {
        HttpBrowser.Page page = login.page();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!page.leftIdp() && page.has(SignaturePushPage.WAIT) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            page = login.browser().submit(SignaturePushPage.WAIT, Map.of(), null);
            assertThat(page.status()).isLessThan(500);
        }
        return page;
    }

    @Test
    void cloudSignatureLogsInWithAcrHighAndCloudAmr() {
        for (KeyKind kind : List.of(KeyKind.RSA_PKCS1, KeyKind.EC_P256)) {
            Citizen citizen = citizenWithGSign(kind);
            Login login = startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164());
            assertThat(login.page().has(SignaturePushPage.WAIT)).as(login.page().body()).isTrue();
            String code = login.page().text(SignaturePushPage.VERIFICATION_CODE);
            assertThat(code).matches("\\d{4}");
            assertThat(gsign.lastDisplayedText(citizen.person().registerNumber())).contains(code);

            HttpBrowser.Page done = waitForResult(login);
            assertThat(done.leftIdp()).as(kind + ": " + done.body()).isTrue();
            var result = fixture.finish(login.pending(), done.uri());
            assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
            assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_cloud", "swk", "pin"));
            assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.person().registerNumber());
        }
    }

    @Test
    void declineInTheAppIsReported() {
        Citizen citizen = citizenWithGSign(KeyKind.EC_P256);
        gsign.behaviour(citizen.person().registerNumber(), Behaviour.DECLINE);
        assertRefused(waitForResult(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164())),
                "татгалзлаа");
        assertThat(fixture.admin.attackDetection(citizen.userId()).get("numFailures").asInt()).isZero();
    }

    @Test
    void timeoutIsReported() {
        Citizen citizen = citizenWithGSign(KeyKind.EC_P256);
        gsign.behaviour(citizen.person().registerNumber(), Behaviour.TIMEOUT);
        gsign.sessionLifetime(Duration.ofSeconds(2));
        try {
            assertRefused(waitForResult(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164())),
                    "хугацаа дууссан");
        } finally {
            gsign.sessionLifetime(Duration.ofSeconds(120));
        }
    }

    @Test
    void noGSignAccountOrAnotherPhoneLooksLikeARequestNobodyAnswers() {
        // issue 13 item 6: an own message here would tell a stranger which register number owns which phone
        Citizen noAccount = fixture.registeredCitizen();
        Login login = startCloudLogin(noAccount.person().registerNumber(), noAccount.person().phoneE164());
        assertThat(login.page().has(SignaturePushPage.WAIT)).as(login.page().body()).isTrue();
        assertThat(lastErrorReason(noAccount)).isEqualTo("unknown_account");

        Citizen citizen = citizenWithGSign(KeyKind.EC_P256);
        Login otherPhone = startCloudLogin(citizen.person().registerNumber(), "+97688112233");
        assertThat(otherPhone.page().has(SignaturePushPage.WAIT)).as(otherPhone.page().body()).isTrue();
        assertThat(gsign.pushesTo("+97688112233")).isZero();
        assertThat(gsign.pushesTo(citizen.person().phoneE164())).isZero();
        assertThat(lastErrorReason(citizen)).isEqualTo("account_phone_mismatch");
    }

    private static String lastErrorReason(Citizen citizen) {
        return fixture.admin.events(citizen.userId(), "LOGIN_ERROR").get(0).path("details").path("khur_reason").asText();
    }

    @Test
    void revokedCertificateIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate key = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        gsign.register(citizen.person().registerNumber(), citizen.person().phoneE164(), key);
        fixture.pki.revoke(key.certificate());
        assertRefused(waitForResult(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164())),
                "хүчингүй болсон");
    }

    @Test
    void certificateForAnotherRegisterNumberIsRefused() {
        Citizen victim = fixture.registeredCitizen();
        Citizen attacker = fixture.registeredCitizen();
        // a GSign account under the victim's number holding the attacker's certificate
        gsign.register(victim.person().registerNumber(), victim.person().phoneE164(),
                fixture.validCertificate(attacker.person(), KeyKind.EC_P256));
        assertRefused(waitForResult(startCloudLogin(victim.person().registerNumber(), victim.person().phoneE164())),
                "таарахгүй");
        assertThat(fixture.admin.attackDetection(victim.userId()).get("numFailures").asInt()).isEqualTo(1);
    }

    @Test
    void signatureOverAForeignHashIsRefused() {
        Citizen citizen = citizenWithGSign(KeyKind.RSA_PKCS1);
        gsign.behaviour(citizen.person().registerNumber(), Behaviour.FORGED);
        assertRefused(waitForResult(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164())),
                "баталгаажсангүй");
    }

    @Test
    void atMostThreePushesPerRegisterNumberInTenMinutes() {
        Citizen citizen = citizenWithGSign(KeyKind.EC_P256);
        gsign.behaviour(citizen.person().registerNumber(), Behaviour.DECLINE);
        for (int i = 0; i < 3; i++) {
            assertThat(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164()).page()
                    .has(SignaturePushPage.WAIT)).as("push " + (i + 1)).isTrue();
        }
        assertRefused(startCloudLogin(citizen.person().registerNumber(), citizen.person().phoneE164()).page(), "хэт олон хүсэлт");
    }

    private static void assertRefused(HttpBrowser.Page page, String expectedMessage) {
        assertThat(page.leftIdp()).as("login must not complete").isFalse();
        assertThat(page.status()).isLessThan(500);
        assertThat(page.body()).contains(expectedMessage);
        assertThat(page.has(SignaturePushPage.SIGN)).as("the citizen can try again").isTrue();
    }
}
