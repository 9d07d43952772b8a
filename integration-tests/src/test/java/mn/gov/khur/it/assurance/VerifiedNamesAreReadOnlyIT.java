package mn.gov.khur.it.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PlainHttp;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Relying parties receive {@code given_name}/{@code family_name} from a government IdP as the citizen's legal
 * names: only operators or a verified source set them. A citizen fully logged in to the account console
 * (password + reverse SMS) tries to rename themself, and to set an e-mail address, through the account
 * REST API.
 */
@ExtendWith(KhurServerExtension.class)
class VerifiedNamesAreReadOnlyIT {

    private static final String ACCOUNT_URL = KeycloakServer.BASE_URL + "/realms/khur/account/";

    private final AdminApi admin = new AdminApi();

    @Test
    void aCitizenCannotRenameThemselfOrSetAnEmail() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        String accessToken = accountConsoleToken(citizen);

        HttpResponse<String> mine = send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build());
        assertThat(mine.statusCode()).isEqualTo(200);
        ObjectNode renamed = (ObjectNode) Json.parse(mine.body());
        renamed.put("firstName", "Хуурамч");
        renamed.put("lastName", "Нэр");
        HttpResponse<String> rename = send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(renamed.toString())).build());
        assertThat(rename.statusCode()).as(rename.body()).isEqualTo(400);

        ObjectNode withEmail = (ObjectNode) Json.parse(mine.body());
        withEmail.put("email", "someone@example.mn");
        HttpResponse<String> email = send(HttpRequest.newBuilder(URI.create(ACCOUNT_URL))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(withEmail.toString())).build());
        assertThat(email.statusCode()).as(email.body()).isEqualTo(400);

        JsonNode stored = admin.user(userId);
        assertThat(stored.path("firstName").asText()).isEqualTo(citizen.givenName());
        assertThat(stored.path("lastName").asText()).isEqualTo(citizen.familyName());
        assertThat(stored.path("email").isMissingNode() || stored.path("email").asText().isEmpty()).isTrue();
    }

    @Test
    void theUserProfileLetsOnlyOperatorsEditNamesAndEmail() {
        JsonNode profile = Json.parse(admin.get("/admin/realms/khur/users/profile").body());
        for (JsonNode attribute : profile.path("attributes")) {
            if (List.of("firstName", "lastName", "email").contains(attribute.path("name").asText())) {
                assertThat(attribute.path("permissions").path("edit").toString()).as(attribute.path("name").asText())
                        .isEqualTo("[\"admin\"]");
            }
        }
    }

    /** The account console's own login (public client, code + PKCE), completed with password + reverse SMS. */
    private String accountConsoleToken(TestCitizen citizen) throws Exception {
        OidcRelyingParty console = new OidcRelyingParty("account-console", "unused", URI.create(ACCOUNT_URL));
        OidcRelyingParty.PendingLogin login = console.begin("openid", java.util.Map.of());
        // stop at the redirect back to the console: everything before it happens under login-actions
        HttpBrowser browser = new HttpBrowser("mn", KeycloakServer.BASE_URL + "/realms/khur/login-actions");
        HttpBrowser.Page back = CitizenLogin.logIn(browser, login, citizen);
        String code = AuthorizationResponse.parse(back.uri()).toSuccessResponse().getAuthorizationCode().getValue();
        String form = String.join("&", "grant_type=authorization_code", "client_id=account-console",
                "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8),
                "redirect_uri=" + URLEncoder.encode(ACCOUNT_URL, StandardCharsets.UTF_8),
                "code_verifier=" + login.verifier().getValue());
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(KeycloakServer.BASE_URL
                        + "/realms/khur/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return Json.parse(tokens.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return PlainHttp.send(request);
    }
}
