package mn.gov.khur.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A government site (Nimbus OIDC SDK) federating with ХУР: discovery, code + PKCE, ID token
 * verified against the JWKS, userinfo, and the contract's claims.
 */
@ExtendWith(KhurServerExtension.class)
class OidcRelyingPartyIT {

    private final AdminApi admin = new AdminApi();

    @Test
    void discoveryAdvertisesCodeFlowWithPkce() {
        OidcRelyingParty rp = OidcRelyingParty.demo();
        assertThat(rp.provider().getIssuer().getValue()).isEqualTo(KeycloakServer.BASE_URL + "/realms/khur");
        assertThat(rp.provider().getCodeChallengeMethods()).extracting(Object::toString).contains("S256");
        assertThat(rp.provider().getJWKSetURI()).isNotNull();
    }

    @Test
    void citizenLogsInAndTheRelyingPartyReceivesTheContractClaims() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin("openid phone profile", Map.of());

        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, citizen);
        OidcRelyingParty.LoginResult result = rp.finish(login, back.uri());

        JWTClaimsSet idToken = result.idToken();
        assertThat(idToken.getClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(idToken.getClaim("acr")).isEqualTo("substantial");
        assertThat(idToken.getClaim("amr")).asList().containsExactly("pwd", "sms", "mfa");
        assertThat(idToken.getClaim("phone_number")).isEqualTo(citizen.phoneE164());
        assertThat(idToken.getClaim("given_name")).isEqualTo(citizen.givenName());
        assertThat(result.userInfo().getStringClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(result.userInfo().getPhoneNumber()).isEqualTo(citizen.phoneE164());
    }

    @Test
    void scopeOpenidAloneStillCarriesRegisterNumberAcrAndAmr() {
        TestCitizen citizen = TestCitizen.random();
        admin.createCitizen(citizen);
        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();

        OidcRelyingParty.LoginResult result = rp.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri());

        assertThat(result.idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(result.idToken().getClaim("acr")).isEqualTo("substantial");
        assertThat(result.idToken().getClaim("amr")).isNotNull();
        assertThat(result.idToken().getClaim("phone_number")).isNull();
    }
}
