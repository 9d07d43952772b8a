package mn.gov.khur.it.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PlainHttp;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code acr=substantial} promises password AND registered phone: no client of realm khur — Keycloak's
 * built-in ones included, and a client an operator adds later — may hand out a citizen's tokens by a
 * grant that skips the login pages (password, implicit, device, CIBA), and no citizen holds offline
 * access by default. Each test performs the attack against every client of the realm.
 */
@ExtendWith(KhurServerExtension.class)
class CitizenTokensOnlyThroughTheBrowserIT {

    private static final String REALM_URL = KeycloakServer.BASE_URL + "/realms/" + KeycloakServer.REALM;
    private static final String TOKEN_URL = REALM_URL + "/protocol/openid-connect/token";

    private final AdminApi admin = new AdminApi();
    private TestCitizen citizen;
    private String userId;

    @BeforeEach
    void citizen() {
        citizen = TestCitizen.random();
        userId = admin.createCitizen(citizen);
    }

    @Test
    void noClientGivesACitizensTokensForThePasswordAlone() {
        List<String> tried = new ArrayList<>();
        for (Client client : oidcClients()) {
            HttpResponse<String> answer = post(TOKEN_URL, client.withCredentials(Map.of(
                    "grant_type", "password", "username", citizen.registerNumber(), "password", citizen.password(),
                    "scope", "openid offline_access")));
            assertThat(answer.body()).as("password grant through %s", client.clientId()).doesNotContain("access_token");
            assertThat(answer.statusCode()).as("password grant through %s", client.clientId()).isBetween(400, 401);
            tried.add(client.clientId());
        }
        assertThat(tried).contains("admin-cli", "account", "account-console", "broker", "realm-management",
                "security-admin-console", "demo-rp", "demo-rp-2");
    }

    @Test
    void thePasswordGrantIsRefusedBeforeThePasswordIsChecked() {
        Client adminCli = oidcClients().stream().filter(c -> c.clientId().equals("admin-cli")).findFirst().orElseThrow();
        for (int attempt = 0; attempt < 3; attempt++) {
            post(TOKEN_URL, adminCli.withCredentials(Map.of("grant_type", "password",
                    "username", citizen.registerNumber(), "password", "Wrong" + attempt + "Password")));
        }
        assertThat(admin.attackDetection(userId).path("numFailures").asInt())
                .as("no password oracle: the token endpoint never verified these passwords").isZero();
    }

    @Test
    void noClientStartsAnImplicitOrHybridLogin() {
        for (Client client : oidcClients()) {
            for (String responseType : List.of("token", "id_token token", "id_token", "code id_token")) {
                HttpResponse<String> answer = authorize(client, responseType);
                String location = answer.headers().firstValue("Location").orElse("");
                assertThat(answer.body()).as("%s with response_type=%s", client.clientId(), responseType)
                        .doesNotContain("kc-form-login");
                assertThat(location).as("%s with response_type=%s", client.clientId(), responseType)
                        .doesNotContain("access_token=").doesNotContain("id_token=");
            }
        }
    }

    @Test
    void noClientStartsADeviceOrBackchannelLogin() {
        for (Client client : oidcClients()) {
            HttpResponse<String> device = post(REALM_URL + "/protocol/openid-connect/auth/device",
                    client.withCredentials(Map.of("scope", "openid")));
            assertThat(device.body()).as("device grant through %s", client.clientId()).doesNotContain("device_code");
            HttpResponse<String> ciba = post(REALM_URL + "/protocol/openid-connect/ext/ciba/auth",
                    client.withCredentials(Map.of("scope", "openid", "login_hint", citizen.username())));
            assertThat(ciba.body()).as("CIBA through %s", client.clientId()).doesNotContain("auth_req_id");
        }
    }

    @Test
    void aClientAddedLaterWithEveryGrantSwitchedOnIsRefusedToo() {
        String clientId = "it-added-later-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("clientId", clientId);
        representation.put("protocol", "openid-connect");
        representation.put("publicClient", false);
        representation.put("secret", "added-later-secret");
        representation.put("standardFlowEnabled", true);
        representation.put("implicitFlowEnabled", true);
        representation.put("directAccessGrantsEnabled", true);
        representation.put("redirectUris", List.of(OidcRelyingParty.REDIRECT_URI.toString()));
        // a secret-based site (profile khur-standard): in khur-fapi2, the realm's default for new clients, the secret
        // itself would already be refused, and this test is about the grants
        representation.put("defaultClientScopes", List.of("web-origins", "acr", "profile", "basic", "khur-citizen", "khur-standard"));
        representation.put("attributes", Map.of("oauth2.device.authorization.grant.enabled", "true",
                "oidc.ciba.grant.enabled", "true"));
        HttpResponse<String> created = admin.post("/admin/realms/khur/clients", Json.write(representation));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String internalId = location.substring(location.lastIndexOf('/') + 1);
        try {
            JsonNode stored = Json.parse(admin.get("/admin/realms/khur/clients/" + internalId).body());
            Client client = new Client(clientId, "added-later-secret", OidcRelyingParty.REDIRECT_URI.toString());

            HttpResponse<String> password = post(TOKEN_URL, client.withCredentials(Map.of("grant_type", "password",
                    "username", citizen.registerNumber(), "password", citizen.password(), "scope", "openid")));
            assertThat(password.body()).doesNotContain("access_token");
            HttpResponse<String> implicit = authorize(client, "id_token token");
            assertThat(implicit.body()).doesNotContain("kc-form-login");
            assertThat(implicit.headers().firstValue("Location").orElse("")).doesNotContain("access_token=");
            HttpResponse<String> device = post(REALM_URL + "/protocol/openid-connect/auth/device",
                    client.withCredentials(Map.of("scope", "openid")));
            assertThat(device.body()).doesNotContain("device_code");

            // the operator sees what is in force: saving switched the refused grants off
            assertThat(stored.path("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(stored.path("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(stored.path("attributes").path("oauth2.device.authorization.grant.enabled").asText()).isEqualTo("false");
            assertThat(stored.path("attributes").path("oidc.ciba.grant.enabled").asText()).isEqualTo("false");
        } finally {
            admin.delete("/admin/realms/khur/clients/" + internalId);
        }
    }

    @Test
    void citizensHoldNoOfflineAccessUnlessASiteIsGivenIt() {
        JsonNode defaults = Json.parse(admin.get("/admin/realms/khur/roles/default-roles-khur/composites/realm").body());
        List<String> names = new ArrayList<>();
        defaults.forEach(role -> names.add(role.path("name").asText()));
        assertThat(names).doesNotContain("offline_access");

        // a site that was not given offline access is told so at once, before any login page
        OidcRelyingParty.PendingLogin asked = OidcRelyingParty.demo().begin("openid offline_access", Map.of());
        HttpBrowser.Page refused = new HttpBrowser().open(asked.authorizationUri());
        assertThat(refused.leftIdp()).isTrue();
        assertThat(refused.uri().getQuery()).contains("error=invalid_scope");

        OidcRelyingParty rp = OidcRelyingParty.demo();
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = CitizenLogin.logIn(new HttpBrowser(), login, citizen);
        var tokens = rp.finish(login, back.uri()).tokens();
        assertThat(refreshTokenType(tokens.getRefreshToken().getValue())).isEqualTo("Refresh");
        assertThat(Json.parse(admin.get("/admin/realms/khur/users/" + userId + "/offline-sessions/"
                + clientInternalId("demo-rp")).body()).size()).isZero();
    }

    static String refreshTokenType(String refreshToken) {
        try {
            return SignedJWT.parse(refreshToken).getJWTClaimsSet().getStringClaim("typ");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private String clientInternalId(String clientId) {
        return Json.parse(admin.get("/admin/realms/khur/clients?clientId=" + clientId).body()).get(0).path("id").asText();
    }

    /** Every OpenID Connect client of the realm that can be asked for tokens, with its secret where it has one. */
    private List<Client> oidcClients() {
        List<Client> clients = new ArrayList<>();
        for (JsonNode client : Json.parse(admin.get("/admin/realms/khur/clients").body())) {
            if (!"openid-connect".equals(client.path("protocol").asText("openid-connect"))) {
                continue;
            }
            String secret = null;
            if (!client.path("publicClient").asBoolean()) {
                JsonNode stored = Json.parse(admin.get("/admin/realms/khur/clients/" + client.path("id").asText()
                        + "/client-secret").body());
                secret = stored.path("value").asText(null);
            }
            String redirect = client.path("redirectUris").isEmpty() ? OidcRelyingParty.REDIRECT_URI.toString()
                    : client.path("redirectUris").get(0).asText().replace("*", "cb");
            clients.add(new Client(client.path("clientId").asText(), secret, redirect));
        }
        return clients;
    }

    private HttpResponse<String> authorize(Client client, String responseType) {
        String query = Map.of("client_id", client.clientId(), "response_type", responseType, "scope", "openid",
                        "redirect_uri", client.redirectUri(), "nonce", "n-" + UUID.randomUUID(), "state", "s")
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return PlainHttp.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/auth?" + query)).GET().build());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) {
        return PlainHttp.postForm(url, form);
    }

    private record Client(String clientId, String secret, String redirectUri) {

        Map<String, String> withCredentials(Map<String, String> parameters) {
            Map<String, String> all = new LinkedHashMap<>(parameters);
            all.put("client_id", clientId);
            if (secret != null) {
                all.put("client_secret", secret);
            }
            return all;
        }
    }
}
