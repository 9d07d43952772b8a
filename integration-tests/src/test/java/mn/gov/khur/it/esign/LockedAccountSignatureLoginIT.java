package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import mn.gov.khur.it.esign.EsignTokenFixture.Citizen;
import mn.gov.khur.it.esign.EsignTokenFixture.TokenPage;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 8: the account lockout protects the password (and the SMS code); an attacker can set it off from
 * enough networks at will. It must not keep the citizen from logging in with their digital signature, which no
 * password guess can produce.
 */
@ExtendWith(KhurServerExtension.class)
class LockedAccountSignatureLoginIT {

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

    @Test
    void aCitizenLockedOutByWrongPasswordsStillLogsInWithTheirSignature() {
        Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.EC_P256);
        PasswordGuessing.lockFromManyNetworks(fixture.admin, citizen.userId(), citizen.person().registerNumber(), 60);
        assertThat(PasswordGuessing.locked(fixture.admin, citizen.userId())).isTrue();

        HttpBrowser browser = new HttpBrowser("mn");
        TokenPage tokenPage = fixture.openTokenPage(browser);
        HttpBrowser.Page done = EsignTokenFixture.post(browser, citizen.person().registerNumber(), token,
                EsignTokenFixture.sign(token, tokenPage.dataToSign()));

        assertThat(done.leftIdp()).as("logged in by signature despite the lock: %s", done.body()).isTrue();
        var result = fixture.finish(tokenPage.pending(), done.uri());
        assertThat(result.idToken().getSubject()).isEqualTo(citizen.userId());
        assertThat(result.idToken().getClaim("acr")).isEqualTo("high");
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("esign_token", "hwk", "pin"));
        assertThat(PasswordGuessing.locked(fixture.admin, citizen.userId()))
                .as("the signature login leaves the password's lock as it was").isTrue();
    }
}
