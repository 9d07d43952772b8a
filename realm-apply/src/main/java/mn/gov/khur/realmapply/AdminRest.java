package mn.gov.khur.realmapply;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Keycloak's admin REST API for one realm, as JSON trees (every field the file carries goes to the server
 * unchanged, whatever version of the representations this tool was built with). Authenticates in the master
 * realm: client credentials of a service account (production) or an admin's password through {@code admin-cli}.
 */
public final class AdminRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String serverUrl;
    private final String realm;
    private final Credentials credentials;
    private String token;
    private Instant tokenTime = Instant.EPOCH;

    /** How realm-apply authenticates (master realm). */
    public sealed interface Credentials {
        String form();
    }

    public record ClientCredentials(String clientId, String secret) implements Credentials {
        public String form() {
            return "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        }
    }

    public record AdminPassword(String username, String password) implements Credentials {
        public String form() {
            return "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
        }
    }

    /** A non-2xx answer, with what the server said. */
    public static final class AdminApiException extends RuntimeException {
        private final int status;

        AdminApiException(String method, String path, int status, String body) {
            super(method + " " + path + " → HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public AdminRest(String serverUrl, String realm, Credentials credentials) {
        this.serverUrl = serverUrl.replaceAll("/+$", "");
        this.realm = realm;
        this.credentials = credentials;
    }

    public String realm() {
        return realm;
    }

    /** GET of a realm-relative path ("" = the realm itself). */
    public JsonNode get(String path) {
        return parse(send("GET", path, null));
    }

    /** GET that answers empty on 404. */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (AdminApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** POST; returns the id at the end of the Location header when there is one. */
    public Optional<String> post(String path, JsonNode body) {
        HttpResponse<String> response = exchange("POST", path, body);
        return response.headers().firstValue("Location").map(location -> location.substring(location.lastIndexOf('/') + 1));
    }

    public JsonNode postForJson(String path, JsonNode body) {
        return parse(exchange("POST", path, body).body());
    }

    public void put(String path, JsonNode body) {
        send("PUT", path, body);
    }

    public void delete(String path) {
        send("DELETE", path, null);
    }

    /** POST to the admin root (creating the realm itself). */
    public void createRealm(JsonNode realmRepresentation) {
        HttpResponse<String> response = call("POST", serverUrl + "/admin/realms", realmRepresentation);
        check("POST", "/admin/realms", response);
    }

    /** A path segment (flow aliases have spaces). */
    public static String segment(String value) {
        // unreserved characters stay as they are: Keycloak refuses a path that is not normalized (%7E for ~)
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    private String send(String method, String path, JsonNode body) {
        return exchange(method, path, body).body();
    }

    private HttpResponse<String> exchange(String method, String path, JsonNode body) {
        String url = serverUrl + "/admin/realms/" + segment(realm) + path;
        HttpResponse<String> response = call(method, url, body);
        check(method, path, response);
        return response;
    }

    private HttpResponse<String> call(String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return sendRaw(request.build());
    }

    private static void check(String method, String path, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AdminApiException(method, path.isEmpty() ? "(realm)" : path, response.statusCode(), response.body());
        }
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenTime.plus(TOKEN_REUSE))) {
            return token;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials.form())).build();
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() != 200) {
            throw new AdminApiException("POST", "/realms/master/protocol/openid-connect/token", response.statusCode(),
                    "cannot authenticate realm-apply in the master realm");
        }
        token = parse(response.body()).path("access_token").asText();
        tokenTime = Instant.now();
        return token;
    }

    private HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + serverUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
