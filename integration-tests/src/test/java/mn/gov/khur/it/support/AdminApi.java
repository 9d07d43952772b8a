package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Keycloak's admin REST API, as an operator's tooling would call it (master admin, admin-cli). */
public final class AdminApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String realm = KeycloakServer.REALM;

    public AdminApi() {
        this(KeycloakServer.BASE_URL);
    }

    public AdminApi(String baseUrl) {
        this.base = baseUrl;
    }

    private String token() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(response, 200);
        return Json.parse(response.body()).get("access_token").asText();
    }

    /** Creates a citizen the way the contract stores one; returns the user id. */
    public String createCitizen(TestCitizen citizen) {
        Map<String, Object> user = Map.of(
                "username", citizen.registerNumber().toLowerCase(java.util.Locale.ROOT),
                "enabled", true,
                "firstName", citizen.givenName(),
                "lastName", citizen.familyName(),
                "attributes", Map.of(
                        "register_number", List.of(citizen.registerNumber()),
                        "phone_number", List.of(citizen.phoneE164()),
                        "phone_number_verified", List.of("true")),
                "credentials", List.of(Map.of("type", "password", "value", citizen.password(), "temporary", false)));
        HttpResponse<String> response = post("/admin/realms/" + realm + "/users", Json.write(user));
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Raw user creation, for tests of the user profile's validation. */
    public HttpResponse<String> createUserRaw(Map<String, Object> user) {
        return post("/admin/realms/" + realm + "/users", Json.write(user));
    }

    public JsonNode user(String userId) {
        HttpResponse<String> response = get("/admin/realms/" + realm + "/users/" + userId);
        expect(response, 200);
        return Json.parse(response.body());
    }

    public JsonNode usersByAttribute(String name, String value) {
        HttpResponse<String> response = get("/admin/realms/" + realm + "/users?q="
                + URLEncoder.encode(name + ":" + value, StandardCharsets.UTF_8));
        expect(response, 200);
        return Json.parse(response.body());
    }

    public JsonNode realm() {
        HttpResponse<String> response = get("/admin/realms/" + realm);
        expect(response, 200);
        return Json.parse(response.body());
    }

    /** Brute-force status of a user: {@code {"numFailures":…,"disabled":…}}. */
    public JsonNode attackDetection(String userId) {
        HttpResponse<String> response = get("/admin/realms/" + realm + "/attack-detection/brute-force/users/" + userId);
        expect(response, 200);
        return Json.parse(response.body());
    }

    public void clearAttackDetection(String userId) {
        HttpResponse<String> response = send(authorized("/admin/realms/" + realm + "/attack-detection/brute-force/users/" + userId)
                .DELETE().build());
        expect(response, 204);
    }

    /** Login events of a user, newest first. */
    public JsonNode events(String userId, String type) {
        HttpResponse<String> response = get("/admin/realms/" + realm + "/events?user=" + userId + "&type=" + type + "&max=50");
        expect(response, 200);
        return Json.parse(response.body());
    }

    public void deleteUser(String userId) {
        send(authorized("/admin/realms/" + realm + "/users/" + userId).DELETE().build());
    }

    public HttpResponse<String> get(String path) {
        return send(authorized(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST whose body is text, e.g. a SAML site's metadata to {@code client-description-converter}. */
    public HttpResponse<String> postText(String path, String text) {
        return send(authorized(path).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected HTTP " + status + " from " + response.request().uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
