package mn.gov.khur.it.relyingparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotations without an outage (docs/INTEGRATION.md, "Key rotation"): the realm's signing key (new key active, old key
 * passive, old key removed) while a site keeps logging citizens in and validating ID tokens with a JWKS it caches, as
 * every OIDC library does; and a {@code khur-standard} site's client secret (the old one valid for a grace period).
 */
@ExtendWith(KhurServerExtension.class)
class KeyRotationIT {

    private static final String KEYS = "/admin/realms/khur/components?type=org.keycloak.keys.KeyProvider";
    private final AdminApi admin = new AdminApi();

    @Test
    void theRealmSigningKeyRotatesWhileASiteKeepsLoggingCitizensIn() throws Exception {
        OidcRelyingParty site = DemoSites.first();
        // the site's long-lived validator: caches the JWKS, fetches it again only for a key id it has not seen
        IDTokenValidator cachedJwks = new IDTokenValidator(site.provider().getIssuer(), site.clientId(), JWSAlgorithm.RS256,
                site.provider().getJWKSetURI().toURL(), new DefaultResourceRetriever(10_000, 10_000));
        List<String> failedLogins = new ArrayList<>();
        List<String> oldKeys = rs256Providers();
        assertThat(oldKeys).isNotEmpty();

        Login beforeRotation = logIn(site, cachedJwks, failedLogins);

        String newKey = addRs256Key();
        Login withBothActive = logIn(site, cachedJwks, failedLogins);
        assertThat(withBothActive.kid()).as("the new key (higher priority) signs").isNotEqualTo(beforeRotation.kid());

        oldKeys.forEach(id -> setActive(id, false));
        Login withOldPassive = logIn(site, cachedJwks, failedLogins);
        assertThat(jwksKids()).as("a passive key is still published for verification").contains(beforeRotation.kid());
        cachedJwks.validate(beforeRotation.idToken(), null);
        assertThat(withOldPassive.kid()).isEqualTo(withBothActive.kid());

        oldKeys.forEach(id -> admin.delete("/admin/realms/khur/components/" + id));
        Login afterRemoval = logIn(site, cachedJwks, failedLogins);
        assertThat(jwksKids()).doesNotContain(beforeRotation.kid()).contains(afterRemoval.kid());
        // a session opened before the rotation goes on: refresh tokens are not signed with the rotated RSA key
        HTTPResponse refreshed = new TokenRequest(site.provider().getTokenEndpointURI(),
                new ClientSecretBasic(site.clientId(), site.secret()), new RefreshTokenGrant(beforeRotation.refreshToken()))
                .toHTTPRequest().send();
        assertThat(refreshed.getStatusCode()).as(refreshed.getBody()).isEqualTo(200);

        assertThat(failedLogins).as("no failed login while the key rotated").isEmpty();
        assertThat(newKey).isNotBlank();
    }

    /**
     * Keycloak's {@code secret-rotation} executor gives a client that has no secret expiration one on its first
     * authorization request, a write to {@code CLIENT_ATTRIBUTES}. A client that came in by import (realm import,
     * partial import: no client policy runs) has none, so the first citizens who arrive at once all write it and all
     * but one get Keycloak's 409 (measured: 15 of the bench's first 16 logins). realm-config therefore imports its
     * confidential sites with their expiration set. The site here is demo-rp as realm-config has it, imported the same
     * way under a fresh name, so its first sixteen citizens arrive at once.
     */
    @Test
    void sixteenCitizensArrivingAtOnceAtASiteJustImportedFromRealmConfigAllGetTheLoginPage() throws Exception {
        JsonNode file = Json.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of(mn.gov.khur.it.support.KeycloakServer.requiredProperty("khur.realm.file"))));
        ObjectNode site = null;
        for (JsonNode client : file.path("clients")) {
            if ("demo-rp".equals(client.path("clientId").asText())) {
                site = (ObjectNode) client.deepCopy();
            }
        }
        assertThat(site).as("demo-rp in realm-config").isNotNull();
        String clientId = "it-imported-" + UUID.randomUUID().toString().substring(0, 8);
        String callback = "http://localhost:8097/callback";
        site.put("clientId", clientId).put("enabled", true).put("secret", "imported-secret-" + clientId);
        site.putArray("redirectUris").add(callback);
        ObjectNode attributes = (ObjectNode) site.path("attributes");
        // a partial import does not resolve realm-config's ${…} placeholders: the attributes that hold one go
        attributes.remove(List.of("post.logout.redirect.uris", "frontchannel.logout.url"));
        var imported = admin.post("/admin/realms/khur/partialImport",
                Json.write(Map.of("ifResourceExists", "FAIL", "clients", List.of(site))));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String id = Json.parse(admin.get("/admin/realms/khur/clients?clientId=" + clientId).body()).get(0).get("id").asText();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String authorize = mn.gov.khur.it.support.KeycloakServer.BASE_URL + "/realms/khur/protocol/openid-connect/auth"
                    + "?client_id=" + clientId + "&response_type=code&scope=openid&redirect_uri="
                    + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8)
                    // RFC 7636's example challenge: the code is never exchanged
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM&code_challenge_method=S256&state=";
            List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> arrivals = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                arrivals.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(URI.create(authorize + i)).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var arrival : arrivals) {
                statuses.add(arrival.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).as("every citizen's first page").containsOnly(200);
        } finally {
            admin.delete("/admin/realms/khur/clients/" + id);
        }
    }

    @Test
    void aRegeneratedClientSecretLeavesTheOldOneValidForTheGracePeriod() throws Exception {
        String clientId = "it-secret-rotation-" + UUID.randomUUID().toString().substring(0, 8);
        URI callback = URI.create("http://localhost:8097/callback");
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", "first-secret-" + clientId);
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", List.of(callback.toString()));
        client.put("defaultClientScopes", List.of("web-origins", "acr", "profile", "basic", "khur-citizen", "khur-standard"));
        var created = admin.post("/admin/realms/khur/clients", Json.write(client));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            TestCitizen citizen = TestCitizen.random();
            admin.createCitizen(citizen);
            String oldSecret = "first-secret-" + clientId;
            OidcRelyingParty withOld = new OidcRelyingParty(clientId, oldSecret, callback);
            assertThat(logInAndRefresh(withOld, citizen)).isEqualTo(200);

            // the operator presses "Regenerate" (Credentials tab)
            var regenerated = admin.post("/admin/realms/khur/clients/" + id + "/client-secret", "");
            assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
            String newSecret = Json.parse(regenerated.body()).path("value").asText();
            assertThat(newSecret).isNotEqualTo(oldSecret);

            assertThat(logInAndRefresh(withOld, citizen)).as("the old secret during the grace period").isEqualTo(200);
            OidcRelyingParty withNew = new OidcRelyingParty(clientId, newSecret, callback);
            assertThat(logInAndRefresh(withNew, citizen)).as("the new secret").isEqualTo(200);
            JsonNode rotated = Json.parse(admin.get("/admin/realms/khur/clients/" + id + "/client-secret/rotated").body());
            assertThat(rotated.path("value").asText()).isEqualTo(oldSecret);

            // the site has switched: the operator ends the grace period early ("Invalidate rotated secret")
            assertThat(admin.delete("/admin/realms/khur/clients/" + id + "/client-secret/rotated").statusCode()).isEqualTo(204);
            assertThat(logInAndRefresh(withNew, citizen)).isEqualTo(200);
            assertThat(refreshWith(withNew, citizen, oldSecret)).as("the old secret after the grace period").isEqualTo(401);
        } finally {
            admin.delete("/admin/realms/khur/clients/" + id);
        }
    }

    private record Login(JWT idToken, String kid, com.nimbusds.oauth2.sdk.token.RefreshToken refreshToken) {
    }

    private static Login logIn(OidcRelyingParty site, IDTokenValidator cachedJwks, List<String> failures) {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        OidcRelyingParty.PendingLogin login = site.begin();
        try {
            OidcRelyingParty.LoginResult result = site.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri());
            JWT idToken = result.tokens().getIDToken();
            cachedJwks.validate(idToken, login.nonce());
            String kid = ((com.nimbusds.jose.JWSHeader) idToken.getHeader()).getKeyID();
            return new Login(idToken, kid, result.tokens().getRefreshToken());
        } catch (AssertionError | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            failures.add(e.toString());
            throw new AssertionError("login failed during the rotation: " + e, e);
        }
    }

    private int logInAndRefresh(OidcRelyingParty site, TestCitizen citizen) throws IOException {
        OidcRelyingParty.PendingLogin login = site.begin();
        OidcRelyingParty.LoginResult result = site.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri());
        return new TokenRequest(site.provider().getTokenEndpointURI(), new ClientSecretBasic(site.clientId(), site.secret()),
                new RefreshTokenGrant(result.tokens().getRefreshToken())).toHTTPRequest().send().getStatusCode();
    }

    /** Logs in with the current secret, then refreshes with {@code secret}: the status of that refresh. */
    private int refreshWith(OidcRelyingParty site, TestCitizen citizen, String secret) throws IOException {
        OidcRelyingParty.PendingLogin login = site.begin();
        OidcRelyingParty.LoginResult result = site.finish(login, CitizenLogin.logIn(new HttpBrowser(), login, citizen).uri());
        return new TokenRequest(site.provider().getTokenEndpointURI(), new ClientSecretBasic(site.clientId(), new Secret(secret)),
                new RefreshTokenGrant(result.tokens().getRefreshToken())).toHTTPRequest().send().getStatusCode();
    }

    /** The realm's RS256 signing-key providers (generated at import). */
    private List<String> rs256Providers() {
        List<String> ids = new ArrayList<>();
        for (JsonNode component : Json.parse(admin.get(KEYS).body())) {
            String algorithm = component.path("config").path("algorithm").path(0).asText("RS256");
            if (component.path("providerId").asText().equals("rsa-generated") && algorithm.equals("RS256")) {
                ids.add(component.path("id").asText());
            }
        }
        return ids;
    }

    private String addRs256Key() {
        String realmId = admin.realm().path("id").asText();
        Map<String, Object> component = Map.of(
                "name", "rsa-rotated-" + UUID.randomUUID().toString().substring(0, 8),
                "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider",
                "parentId", realmId,
                "config", Map.of("priority", List.of(String.valueOf(System.currentTimeMillis() / 1000)),
                        "keySize", List.of("2048"), "algorithm", List.of("RS256"),
                        "active", List.of("true"), "enabled", List.of("true")));
        var created = admin.post("/admin/realms/khur/components", Json.write(component));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void setActive(String componentId, boolean active) {
        ObjectNode component = (ObjectNode) Json.parse(admin.get("/admin/realms/khur/components/" + componentId).body());
        ((ObjectNode) component.path("config")).set("active", Json.MAPPER.valueToTree(List.of(String.valueOf(active))));
        var saved = admin.put("/admin/realms/khur/components/" + componentId, component.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    }

    private List<String> jwksKids() throws IOException {
        var jwks = Json.parse(new HttpBrowser().get(DemoSites.first().provider().getJWKSetURI()).body());
        List<String> kids = new ArrayList<>();
        jwks.path("keys").forEach(key -> kids.add(key.path("kid").asText()));
        return kids;
    }
}
