package mn.gov.khur.sandbox.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The dev Keycloak's admin REST API as the sandbox seeders use it: one master-realm admin token. */
public final class AdminSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private AdminSession(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static AdminSession login(String baseUrl, String user, String password) throws IOException, InterruptedException {
        String base = baseUrl.replaceAll("/+$", "");
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("admin login failed: HTTP " + response.statusCode());
        }
        return new AdminSession(base, JSON.readTree(response.body()).get("access_token").asText());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Sends {@code request} (relative to the base URL) with the admin token. */
    public HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.uri(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
