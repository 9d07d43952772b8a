package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.pages.LoginPage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh tokens are rotated, and a refresh token used twice ends the login session (RFC 9700 §4.14.2): one of the two
 * holders is a thief, and ХУР cannot tell which, so neither keeps the session.
 */
@ExtendWith(KhurServerExtension.class)
class RefreshTokenRotationIT {

    private final AdminApi admin = new AdminApi();

    @Test
    void eachRefreshGivesANewRefreshToken() throws Exception {
        OidcRelyingParty site = DemoSites.first();
        Session session = logIn(site, new HttpBrowser());

        HTTPResponse first = refresh(site, session.refreshToken());
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        String next = first.getBodyAsJSONObject().get("refresh_token").toString();

        assertThat(next).isNotEqualTo(session.refreshToken().getValue());
        HTTPResponse second = refresh(site, new RefreshToken(next));
        assertThat(second.getStatusCode()).as("the new refresh token works: %s", second.getBody()).isEqualTo(200);
    }

    @Test
    void aReplayedRefreshTokenEndsTheWholeSession() throws Exception {
        OidcRelyingParty site = DemoSites.first();
        HttpBrowser browser = new HttpBrowser();
        Session session = logIn(site, browser);
        HTTPResponse legitimate = refresh(site, session.refreshToken());
        assertThat(legitimate.getStatusCode()).isEqualTo(200);
        RefreshToken current = new RefreshToken(legitimate.getBodyAsJSONObject().get("refresh_token").toString());

        // the attacker replays the refresh token the site used a moment ago (copied from a log, a backup, the wire)
        HTTPResponse replay = refresh(site, session.refreshToken());

        assertThat(replay.getStatusCode()).isEqualTo(400);
        assertThat(replay.getBody()).contains("invalid_grant").doesNotContain("access_token");
        // ... and the session is over for everyone: the site's current refresh token, the citizen's SSO, the sessions list
        HTTPResponse afterwards = refresh(site, current);
        assertThat(afterwards.getStatusCode()).as("the rotated token died with the session: %s", afterwards.getBody()).isEqualTo(400);
        assertThat(admin.get("/admin/realms/khur/users/" + session.userId() + "/sessions").body()).isEqualTo("[]");
        HttpBrowser.Page again = browser.open(site.begin().authorizationUri());
        assertThat(again.leftIdp()).as("no single sign-on from the ended session").isFalse();
        assertThat(again.has(LoginPage.FORM)).isTrue();
        JsonNode logout = Json.parse(admin.get("/admin/realms/khur/events?user=" + session.userId() + "&type=LOGOUT&max=5").body());
        assertThat(logout.size()).isPositive();
        assertThat(logout.get(0).path("details").path("khur_reason").asText()).isEqualTo("refresh_token_replayed");
        // (Keycloak's own REFRESH_TOKEN_ERROR event is not stored by default and names no user: the LOGOUT above is the record)
    }

    @Test
    void offlineSessionsHaveAMaximumLifespan() {
        JsonNode realm = admin.realm();
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.path("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
        assertThat(realm.path("offlineSessionMaxLifespan").asInt()).isEqualTo(60 * 24 * 3600);
        assertThat(realm.path("eventsListeners").toString()).contains("khur-refresh-token-replay");
    }

    private record Session(RefreshToken refreshToken, String userId) {
    }

    private Session logIn(OidcRelyingParty site, HttpBrowser browser) {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty.PendingLogin login = site.begin("openid", Map.of());
        OidcRelyingParty.LoginResult result = site.finish(login, CitizenLogin.logIn(browser, login, citizen).uri());
        return new Session(result.tokens().getRefreshToken(), userId);
    }

    private static HTTPResponse refresh(OidcRelyingParty site, RefreshToken token) throws IOException {
        return new TokenRequest(site.provider().getTokenEndpointURI(), new ClientSecretBasic(site.clientId(), site.secret()),
                new RefreshTokenGrant(token)).toHTTPRequest().send();
    }
}
