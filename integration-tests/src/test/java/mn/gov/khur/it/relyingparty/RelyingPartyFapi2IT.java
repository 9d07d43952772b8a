package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.Fapi2RelyingParty;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new site registered the way operators register one (client id, redirect URI, JWKS URL) lands in profile
 * {@code khur-fapi2} (realm default client scope) and logs a citizen in with a certified library (Nimbus): PAR,
 * {@code private_key_jwt}, PKCE, {@code iss} in the authorization response, DPoP-bound tokens. Each rule has its attack.
 */
@ExtendWith(KhurServerExtension.class)
class RelyingPartyFapi2IT {

    private final AdminApi admin = new AdminApi();
    private Fapi2RelyingParty site;
    private TestCitizen citizen;

    @BeforeEach
    void newSiteAndCitizen() {
        site = Fapi2RelyingParty.register(admin, Map.of());
        citizen = TestCitizen.random();
        admin.createCitizen(citizen);
    }

    @AfterEach
    void removeSite() {
        deleteClient(site.clientId().getValue());
        site.close();
    }

    @Test
    void citizenLogsInWithPushedRequestPrivateKeyJwtAndDpop() throws Exception {
        JsonNode stored = client(site.clientId().getValue());
        assertThat(stored.path("clientAuthenticatorType").asText()).as("set by the profile").isEqualTo("client-jwt");
        assertThat(stored.path("attributes").path("dpop.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(stored.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");

        OidcLogin login = logIn();

        assertThat(login.result.idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
        assertThat(login.result.idToken().getClaim("acr")).isEqualTo("substantial");
        OIDCTokens tokens = login.result.tokens();
        assertThat(tokens.getAccessToken()).isInstanceOf(DPoPAccessToken.class);
        Map<String, Object> cnf = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().getJSONObjectClaim("cnf");
        assertThat(cnf).containsEntry("jkt", site.dpopThumbprint());
        UserInfoResponse userInfo = site.userInfo(tokens.getAccessToken());
        assertThat(userInfo.indicatesSuccess()).as("userinfo with the DPoP proof").isTrue();
        assertThat(userInfo.toSuccessResponse().getUserInfo().getStringClaim("register_number")).isEqualTo(citizen.registerNumber());
        OIDCTokens refreshed = site.refresh(tokens);
        assertThat(refreshed.getAccessToken()).isInstanceOf(DPoPAccessToken.class);
    }

    @Test
    void anAuthorizationRequestThatWasNotPushedIsRefused() {
        URI direct = site.authorizationRequest(new State(), new Nonce(), new CodeVerifier()).toURI();

        HttpBrowser.Page page = new HttpBrowser().open(direct);

        assertThat(page.has(LoginPage.FORM)).as("no login page without PAR: %s", page.body()).isFalse();
        if (page.leftIdp()) {
            assertThat(page.uri().getQuery()).contains("error=invalid_request");
        } else {
            assertThat(page.status()).isEqualTo(400);
        }
    }

    @Test
    void aSiteRegisteredWithASecretIsRefused() {
        Fapi2RelyingParty withSecret = null;
        try {
            withSecret = Fapi2RelyingParty.register(admin, Map.of("clientAuthenticatorType", "client-secret", "secret", "a-shared-secret"));
        } catch (AssertionError refused) {
            assertThat(refused.getMessage()).contains("400").contains("invalid_client_metadata");
        } finally {
            if (withSecret != null) {
                deleteClient(withSecret.clientId().getValue());
                withSecret.close();
            }
        }
        assertThat(withSecret).as("a khur-fapi2 client with a client secret must not be created").isNull();
    }

    @Test
    void aSecretInsteadOfTheKeyIsRefusedAtThePushedRequest() throws Exception {
        ClientSecretBasic secret = new ClientSecretBasic(site.clientId(), new Secret("guessed-or-leaked-secret"));
        PushedAuthorizationRequest par = new PushedAuthorizationRequest(site.provider().getPushedAuthorizationRequestEndpointURI(),
                secret, site.authorizationRequest(new State(), new Nonce(), new CodeVerifier()));

        HTTPResponse response = par.toHTTPRequest().send();

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
        assertThat(response.getBody()).doesNotContain("request_uri");
    }

    @Test
    void aStolenAccessTokenWithoutItsDpopProofIsRefused() {
        OIDCTokens tokens = logIn().result.tokens();

        HTTPResponse asBearer = site.userInfo(tokens.getAccessToken(), "Bearer", null);
        HTTPResponse asDpopWithoutProof = site.userInfo(tokens.getAccessToken(), "DPoP", null);
        Fapi2RelyingParty thief = Fapi2RelyingParty.register(admin, Map.of());
        try {
            HTTPResponse withTheThiefsProof = thief.userInfo(tokens.getAccessToken(), "DPoP", site.provider().getUserInfoEndpointURI());

            assertThat(asBearer.getStatusCode()).as(asBearer.getBody()).isEqualTo(401);
            assertThat(asDpopWithoutProof.getStatusCode()).as(asDpopWithoutProof.getBody()).isEqualTo(401);
            assertThat(withTheThiefsProof.getStatusCode()).as("a proof by another key").isEqualTo(401);
        } finally {
            deleteClient(thief.clientId().getValue());
            thief.close();
        }
    }

    @Test
    void aTokenRequestWithoutADpopProofIsRefused() {
        OidcLogin login = browserLogin();

        HTTPResponse response = site.tokenRequest(login.grant, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("access_token");
    }

    @Test
    void aProofForAnotherUrlIsRefused() {
        OidcLogin login = browserLogin();

        HTTPResponse tokenWithUserinfoProof = site.tokenRequest(login.grant, site.provider().getUserInfoEndpointURI());
        assertThat(tokenWithUserinfoProof.getStatusCode()).isEqualTo(400);
        assertThat(tokenWithUserinfoProof.getBody()).contains("DPoP HTTP URL mismatch").doesNotContain("access_token");

        OIDCTokens tokens = logIn().result.tokens();
        HTTPResponse userinfoWithTokenProof = site.userInfo(tokens.getAccessToken(), "DPoP", site.provider().getTokenEndpointURI());
        assertThat(userinfoWithTokenProof.getStatusCode()).isEqualTo(401);
    }

    @Test
    void aWildcardRedirectUriCannotBeSavedInEitherProfile() {
        Fapi2RelyingParty wildcard = null;
        try {
            wildcard = Fapi2RelyingParty.register(admin, Map.of("redirectUris", java.util.List.of("http://localhost:8096/*")));
        } catch (AssertionError refused) {
            assertThat(refused.getMessage()).contains("400").contains("invalid_client_metadata");
        } finally {
            if (wildcard != null) {
                deleteClient(wildcard.clientId().getValue());
                wildcard.close();
            }
        }
        assertThat(wildcard).as("khur-fapi2 client with a wildcard redirect URI").isNull();

        String standard = "it-wildcard-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var response = admin.post("/admin/realms/khur/clients", Json.write(Map.of("clientId", standard, "secret", "s3cret-" + standard,
                "redirectUris", java.util.List.of("https://site.example/*"),
                "defaultClientScopes", java.util.List.of("basic", "khur-citizen", "khur-standard"))));
        deleteClient(standard);
        assertThat(response.statusCode()).as("khur-standard client with a wildcard: %s", response.body()).isEqualTo(400);
    }

    @Test
    void aMobileAppRegisteredAsPublicClientGetsPkceAndDpop() {
        Fapi2RelyingParty app = Fapi2RelyingParty.register(admin, Map.of("publicClient", true, "attributes", Map.of()));
        try {
            JsonNode stored = client(app.clientId().getValue());
            assertThat(stored.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
            assertThat(stored.path("attributes").path("dpop.bound.access.tokens").asText()).isEqualTo("true");
        } finally {
            deleteClient(app.clientId().getValue());
            app.close();
        }
    }

    private record OidcLogin(mn.gov.khur.it.support.OidcRelyingParty.PendingLogin pending, AuthorizationCodeGrant grant,
                             Fapi2RelyingParty.Login result) {
    }

    /** Up to the code: PAR, the citizen's login, the redirect with {@code iss}. */
    private OidcLogin browserLogin() {
        var pending = site.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), pending, citizen);
        return new OidcLogin(pending, site.codeGrant(pending, back.uri()), null);
    }

    private OidcLogin logIn() {
        var pending = site.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), pending, citizen);
        return new OidcLogin(pending, null, site.finish(pending, back.uri()));
    }

    private JsonNode client(String clientId) {
        return Json.parse(admin.get("/admin/realms/khur/clients?clientId=" + clientId).body()).get(0);
    }

    private void deleteClient(String clientId) {
        JsonNode found = Json.parse(admin.get("/admin/realms/khur/clients?clientId=" + clientId).body());
        if (found.size() > 0) {
            admin.delete("/admin/realms/khur/clients/" + found.get(0).path("id").asText());
        }
    }
}
