package mn.gov.khur.it.esign;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;
import mn.gov.khur.sandbox.pki.SandboxPki;

/** Citizens with sandbox certificates, and the acr=high login up to the token page, over plain HTTP. */
final class EsignTokenFixture {

    final AdminApi admin = new AdminApi();
    final OidcRelyingParty rp = OidcRelyingParty.demo();
    final SandboxPki pki = KhurServerExtension.esignPki();
    final RevocationServer revocation;

    EsignTokenFixture(RevocationServer revocation) {
        this.revocation = revocation;
    }

    record Citizen(TestCitizen person, String userId) {
    }

    Citizen registeredCitizen() {
        TestCitizen person = TestCitizen.random();
        return new Citizen(person, admin.createCitizen(person));
    }

    CitizenCertificateRequest certificateFor(TestCitizen person, KeyKind kind) {
        return CitizenCertificateRequest.valid("token of " + person.registerNumber(), person.registerNumber(),
                person.familyName() + " " + person.givenName(), kind, revocation.endpoints(), Instant.now());
    }

    IssuedCertificate validCertificate(TestCitizen person, KeyKind kind) {
        return pki.issue(certificateFor(person, kind));
    }

    /** A high-assurance login in a fresh browser, moved on to the token page. */
    TokenPage openTokenPage(HttpBrowser browser) {
        OidcRelyingParty.PendingLogin pending = rp.begin("openid", Map.of("acr_values", "high"));
        browser.open(pending.authorizationUri());
        HttpBrowser.Page token = browser.submit(SignatureChoicePage.FORM, Map.of("method", "token"), null);
        return new TokenPage(pending, token);
    }

    record TokenPage(OidcRelyingParty.PendingLogin pending, HttpBrowser.Page page) {
        String dataToSign() {
            return page.document().selectFirst(EsignTokenPage.FORM).attr("data-sign-data");
        }
    }

    static HttpBrowser.Page post(HttpBrowser browser, String registerNumber, IssuedCertificate credential, byte[] signature) {
        return browser.submit(EsignTokenPage.FORM, Map.of(
                "registerNumber", registerNumber,
                "certificate", credential.certificateBase64(),
                "signature", Base64.getEncoder().encodeToString(signature)), null);
    }

    static byte[] sign(IssuedCertificate credential, String data) {
        return credential.sign(data.getBytes(StandardCharsets.UTF_8));
    }

    OidcRelyingParty.LoginResult finish(OidcRelyingParty.PendingLogin pending, URI redirect) {
        return rp.finish(pending, redirect);
    }
}
