package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.esign.EsignTokenFixture.TokenPage;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.OcspMode;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * USB-token login over plain HTTP (the test plays the page's script and the ESIGN client by
 * signing the page's challenge with the sandbox key): acr=high offers only signature methods,
 * success gives acr=high and the token amr, and every certificate/challenge attack fails.
 */
@ExtendWith(KhurServerExtension.class)
class EsignTokenLoginIT {

    private static RevocationServer revocation;
    private static EsignTokenFixture fixture;

    @BeforeAll
    static void startRevocationServer() throws Exception {
        revocation = RevocationServer.start(KhurServerExtension.esignPki(), "127.0.0.1", 0);
        fixture = new EsignTokenFixture(revocation);
    }

    @AfterAll
    static void stopRevocationServer() {
        revocation.close();
    }

    @AfterEach
    void responderBackToNormal() {
        revocation.mode(OcspMode.NORMAL);
    }

    @Test
    void highRequestOffersOnlySignatureMethodsAndTokenLoginGivesAcrHigh() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.RSA_PKCS1);
        HttpBrowser browser = new HttpBrowser("mn");
        var pending = fixture.rp.begin("openid", java.util.Map.of("acr_values", "high"));
        HttpBrowser.Page choice = browser.open(pending.authorizationUri());
        assertThat(choice.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
        assertThat(choice.has(LoginPage.USERNAME)).as("no password login for acr=high").isFalse();
        assertThat(choice.has(LoginPage.PASSWORD)).isFalse();
        assertThat(choice.has(LoginPage.METHOD_OTP)).isFalse();
        assertThat(choice.has(LoginPage.METHOD_BANK)).isFalse();

        HttpBrowser.Page page = browser.submit(SignatureChoicePage.FORM, java.util.Map.of("method", "token"), null);
        assertThat(page.text(EsignTokenPage.SIGN)).contains("Тоон гарын үсгээр нэвтрэх");
        String data = page.document().selectFirst(EsignTokenPage.FORM).attr("data-sign-data");
        assertThat(data).startsWith("khur-login/v1 origin-sha256=");

        HttpBrowser.Page done = EsignTokenFixture.post(browser, citizen.person().registerNumber().toLowerCase(), token,
                EsignTokenFixture.sign(token, data));
        assertThat(done.leftIdp()).as(done.body()).isTrue();
        var result = fixture.finish(pending, done.uri());
        assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_token", "hwk", "pin"));
        assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.person().registerNumber());
    }

    @Test
    void pssAndEcdsaTokensWorkToo() {
        for (KeyKind kind : List.of(KeyKind.RSA_PSS, KeyKind.EC_P256)) {
            Citizen citizen = fixture.registeredCitizen();
            IssuedCertificate token = fixture.validCertificate(citizen.person(), kind);
            HttpBrowser browser = new HttpBrowser("mn");
            TokenPage tokenPage = fixture.openTokenPage(browser);
            HttpBrowser.Page done = EsignTokenFixture.post(browser, citizen.person().registerNumber(), token,
                    EsignTokenFixture.sign(token, tokenPage.dataToSign()));
            assertThat(done.leftIdp()).as(kind + ": " + done.body()).isTrue();
        }
    }

    @Test
    void revokedCertificateIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        fixture.pki.revoke(token.certificate());
        assertRefused(citizen.person().registerNumber(), token, "хүчингүй болсон");
    }

    @Test
    void expiredCertificateIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.pki.issue(fixture.certificateFor(citizen.person(), KeyKind.EC_P256)
                .expiredAt(Instant.now().minusSeconds(86_400)));
        assertRefused(citizen.person().registerNumber(), token, "хугацаа дууссан");
    }

    @Test
    void certificateFromAnUntrustedCaIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.pki.issueUntrusted(fixture.certificateFor(citizen.person(), KeyKind.EC_P256));
        assertRefused(citizen.person().registerNumber(), token, "итгэмжлэгдсэн");
    }

    @Test
    void anotherCitizensCertificateIsRefusedAndCountsAgainstTheAccountEntered() {
        Citizen victim = fixture.registeredCitizen();
        Citizen attacker = fixture.registeredCitizen();
        IssuedCertificate attackersToken = fixture.validCertificate(attacker.person(), KeyKind.EC_P256);
        assertRefused(victim.person().registerNumber(), attackersToken, "таарахгүй");
        assertThat(fixture.admin.attackDetection(victim.userId()).get("numFailures").asInt()).isEqualTo(1);
        JsonNode refusal = fixture.admin.events(victim.userId(), "LOGIN_ERROR").get(0);
        assertThat(refusal.path("error").asText()).isEqualTo("invalid_user_credentials");
        assertThat(refusal.path("details").path("khur_reason").asText()).isEqualTo("register_number_mismatch");
    }

    @Test
    void signatureOverAnotherSessionsChallengeIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        HttpBrowser other = new HttpBrowser("mn");
        String otherChallenge = fixture.openTokenPage(other).dataToSign();
        HttpBrowser browser = new HttpBrowser("mn");
        TokenPage mine = fixture.openTokenPage(browser);
        assertThat(mine.dataToSign()).isNotEqualTo(otherChallenge);
        HttpBrowser.Page page = EsignTokenFixture.post(browser, citizen.person().registerNumber(), token,
                EsignTokenFixture.sign(token, otherChallenge));
        assertThat(page.leftIdp()).isFalse();
        assertThat(page.body()).contains("баталгаажсангүй");
    }

    @Test
    void replayedSignatureIsRefused() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        HttpBrowser first = new HttpBrowser("mn");
        TokenPage firstPage = fixture.openTokenPage(first);
        byte[] signature = EsignTokenFixture.sign(token, firstPage.dataToSign());
        assertThat(EsignTokenFixture.post(first, citizen.person().registerNumber(), token, signature).leftIdp()).isTrue();

        HttpBrowser attacker = new HttpBrowser("mn");
        fixture.openTokenPage(attacker);
        HttpBrowser.Page replayed = EsignTokenFixture.post(attacker, citizen.person().registerNumber(), token, signature);
        assertThat(replayed.leftIdp()).isFalse();
        assertThat(replayed.body()).contains("баталгаажсангүй");
    }

    @Test
    void ocspResponderDownFailsClosedWithoutLockingTheAccount() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        revocation.mode(OcspMode.DOWN);
        assertRefused(citizen.person().registerNumber(), token, "шалгах боломжгүй");
        assertThat(fixture.admin.attackDetection(citizen.userId()).get("numFailures").asInt()).isZero();
        assertThat(fixture.admin.events(citizen.userId(), "LOGIN_ERROR").get(0).path("details").path("khur_reason").asText())
                .isEqualTo("revocation_unavailable");
    }

    @Test
    void staleOrForgedOcspAnswersFailClosed() {
        for (OcspMode mode : List.of(OcspMode.STALE, OcspMode.FOREIGN_SIGNER, OcspMode.WRONG_NONCE)) {
            Citizen citizen = fixture.registeredCitizen();
            IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
            revocation.mode(mode);
            // OCSP unusable → the CRL (still served, signed, fresh) decides: a good certificate passes
            HttpBrowser browser = new HttpBrowser("mn");
            TokenPage page = fixture.openTokenPage(browser);
            fixture.pki.revoke(token.certificate());
            HttpBrowser.Page result = EsignTokenFixture.post(browser, citizen.person().registerNumber(), token,
                    EsignTokenFixture.sign(token, page.dataToSign()));
            assertThat(result.leftIdp()).as(mode + " must not let a revoked certificate in").isFalse();
            assertThat(result.body()).as(mode.name()).contains("хүчингүй болсон");
        }
    }

    private static void assertRefused(String registerNumber, IssuedCertificate token, String expectedMessage) {
        HttpBrowser browser = new HttpBrowser("mn");
        TokenPage tokenPage = fixture.openTokenPage(browser);
        HttpBrowser.Page page = EsignTokenFixture.post(browser, registerNumber, token,
                EsignTokenFixture.sign(token, tokenPage.dataToSign()));
        assertThat(page.leftIdp()).as("login must not complete").isFalse();
        assertThat(page.status()).isLessThan(500);
        assertThat(page.body()).contains(expectedMessage);
        assertThat(page.has(EsignTokenPage.SIGN)).as("the citizen can try again").isTrue();
    }
}
