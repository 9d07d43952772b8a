package mn.gov.khur.it.esign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.pages.EsignTokenPage;
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SignatureChoicePage;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Step-up: a citizen signed in with password + reverse SMS (substantial) visits a site that needs
 * {@code high}. The same SSO session is raised by a digital signature, never silently accepted,
 * and the tokens then say what really happened.
 */
@ExtendWith(KhurServerExtension.class)
class StepUpToHighIT {

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
    void substantialSessionIsSteppedUpToHighByASignatureInTheSameSession() {
        EsignTokenFixture.Citizen citizen = fixture.registeredCitizen();
        IssuedCertificate token = fixture.validCertificate(citizen.person(), KeyKind.RSA_PKCS1);
        HttpBrowser browser = new HttpBrowser("mn");

        OidcRelyingParty.PendingLogin first = fixture.rp.begin();
        var substantial = fixture.rp.finish(first, CitizenLogin.logIn(browser, first, citizen.person()).uri());
        assertThat(substantial.idToken().getClaim("acr")).isEqualTo("substantial");

        OidcRelyingParty.PendingLogin high = fixture.rp.begin("openid", Map.of("acr_values", "high"));
        HttpBrowser.Page choice = browser.open(high.authorizationUri());
        assertThat(choice.leftIdp()).as("a substantial session is not enough for high").isFalse();
        assertThat(choice.has(LoginPage.METHOD_ESIGN_TOKEN)).isTrue();
        assertThat(choice.has(LoginPage.PASSWORD)).as("no password again: only a signature raises the level").isFalse();

        HttpBrowser.Page tokenPage = browser.submit(SignatureChoicePage.FORM, Map.of("method", "token"), null);
        String data = tokenPage.document().selectFirst(EsignTokenPage.FORM).attr("data-sign-data");
        HttpBrowser.Page back = EsignTokenFixture.post(browser, citizen.person().registerNumber(), token,
                EsignTokenFixture.sign(token, data));
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        var stepped = fixture.rp.finish(high, back.uri());

        assertThat(stepped.idToken().getClaim("acr")).isEqualTo("high");
        assertThat(stepped.idToken().getClaim("amr")).isEqualTo(List.of("esign_token", "hwk", "pin"));
        assertThat(stepped.idToken().getSubject()).isEqualTo(substantial.idToken().getSubject());
        assertThat(stepped.idToken().getClaim("sid")).as("the same SSO session, raised").isEqualTo(substantial.idToken().getClaim("sid"));
    }
}
