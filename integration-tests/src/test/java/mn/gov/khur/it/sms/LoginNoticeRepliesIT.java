package mn.gov.khur.it.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.DemoSiteOfflineAccess;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 4: "0" answers every login notice sent to that phone within the window, not only the newest one.
 * The citizen's "0" reaches the webhook directly here (distinct messageIds, as the operator's SMSC gives them);
 * {@link LoginNoticeIT} covers the same reply through the real SMPP bridge. The notices are remembered whether or
 * not the bridge is listening, so no bridge is needed for these tests.
 */
@ExtendWith(KhurServerExtension.class)
class LoginNoticeRepliesIT {

    private final AdminApi admin = new AdminApi();
    private final InboundSmsClient webhook = new InboundSmsClient();
    private final OidcRelyingParty site = OidcRelyingParty.demo();

    /** Two logins, the newest last: the attacker's (older) one must end too, not only the newest. */
    @Test
    void zeroEndsEveryLoginNotifiedToThatPhone() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        OidcRelyingParty.LoginResult attackers = logIn(citizen, "openid");
        OidcRelyingParty.LoginResult citizens = logIn(citizen, "openid");
        assertThat(sessions(userId)).hasSize(2);

        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).isEqualTo("revoked");

        assertThat(sessions(userId)).as("every notified login ended").isEmpty();
        assertThat(refresh(attackers).indicatesSuccess()).as("the older login's refresh token").isFalse();
        assertThat(refresh(citizens).indicatesSuccess()).as("the newer login's refresh token").isFalse();
        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).as("nothing left to refuse").isEqualTo("unmatched");

        JsonNode logouts = admin.events(userId, "LOGOUT");
        List<String> ended = new ArrayList<>();
        logouts.forEach(event -> {
            if ("citizen_denied_login".equals(event.path("details").path("khur_reason").asText())) {
                ended.add(event.path("sessionId").asText());
                assertThat(event.path("details").path("auth_method").asText()).isEqualTo("khur-login-notice");
                assertThat(event.path("details").path("khur_phone").asText()).contains("****");
            }
        });
        assertThat(ended).as("one LOGOUT event per refused login").hasSize(2).doesNotHaveDuplicates();
    }

    /** A login with offline_access: its offline session is part of the login the citizen refuses. */
    @Test
    void zeroAlsoEndsTheOfflineSessionOfANotifiedLogin() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        try (DemoSiteOfflineAccess ignored = DemoSiteOfflineAccess.grantTo(admin, userId)) {
            zeroEndsTheOfflineSession(citizen, userId);
        }
    }

    private void zeroEndsTheOfflineSession(TestCitizen citizen, String userId) throws Exception {
        OidcRelyingParty.LoginResult offline = logIn(citizen, "openid offline_access");
        assertThat(refresh(offline).indicatesSuccess()).as("the offline token works before the 0").isTrue();

        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).isEqualTo("revoked");

        assertThat(sessions(userId)).isEmpty();
        TokenResponse afterwards = refresh(offline);
        assertThat(afterwards.indicatesSuccess()).as("the offline token after the 0").isFalse();
        assertThat(afterwards.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    /** Refuse a login, log in again (new notice), refuse that one too: each "0" acts on what is pending. */
    @Test
    void aSecondZeroRefusesALoginNotifiedAfterTheFirstZero() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        logIn(citizen, "openid");
        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).isEqualTo("revoked");
        assertThat(sessions(userId)).isEmpty();

        OidcRelyingParty.LoginResult later = logIn(citizen, "openid");
        assertThat(sessions(userId)).hasSize(1);
        assertThat(status(webhook.send(citizen.phoneE164(), "0"))).as("the second 0").isEqualTo("revoked");
        assertThat(sessions(userId)).isEmpty();
        assertThat(refresh(later).indicatesSuccess()).isFalse();
    }

    /** Password + reverse SMS in a browser of its own (its own SSO cookie, so a session and a notice of its own). */
    private OidcRelyingParty.LoginResult logIn(TestCitizen citizen, String scope) {
        OidcRelyingParty.PendingLogin login = site.begin(scope, Map.of());
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, citizen);
        return site.finish(login, back.uri());
    }

    private List<JsonNode> sessions(String userId) {
        HttpResponse<String> response = admin.get("/admin/realms/khur/users/" + userId + "/sessions");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        Json.parse(response.body()).forEach(list::add);
        return list;
    }

    private TokenResponse refresh(OidcRelyingParty.LoginResult tokens) throws Exception {
        TokenRequest request = new TokenRequest(site.provider().getTokenEndpointURI(),
                new ClientSecretBasic(site.clientId(), site.secret()),
                new RefreshTokenGrant(tokens.tokens().getRefreshToken()));
        return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    }

    private static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body()).path("status").asText();
    }
}
