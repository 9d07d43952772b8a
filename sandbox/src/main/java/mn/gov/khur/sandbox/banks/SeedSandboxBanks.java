package mn.gov.khur.sandbox.banks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates the sandbox banks (realms {@code sandbox-bank-*}: a consent-required client for ХУР and
 * test customers with register numbers) in the dev Keycloak through the admin REST API. Their JSON
 * lives in {@code sandbox/realms/}, never in the production realm files; {@code {{KHUR_BASE_URL}}}
 * in it becomes the Keycloak's own base URL. Realms that already exist are left alone.
 */
public final class SeedSandboxBanks {

    static final String BASE_URL_PLACEHOLDER = "{{KHUR_BASE_URL}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private SeedSandboxBanks(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: SeedSandboxBanks <keycloak-base-url> <admin-user> <admin-password> <realms-dir>");
            System.exit(2);
        }
        for (String line : seed(args[0], args[1], args[2], Path.of(args[3]))) {
            System.out.println("  " + line);
        }
    }

    /** Seeds every {@code *.json} of {@code realmsDir}; returns one status line per realm. */
    public static List<String> seed(String baseUrl, String adminUser, String adminPassword, Path realmsDir)
            throws IOException, InterruptedException {
        String base = baseUrl.replaceAll("/+$", "");
        SeedSandboxBanks seeder = new SeedSandboxBanks(base, adminToken(base, adminUser, adminPassword));
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(realmsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                lines.add(seeder.ensure(Files.readString(file).replace(BASE_URL_PLACEHOLDER, base)));
            }
        }
        return lines;
    }

    private String ensure(String realmJson) throws IOException, InterruptedException {
        String realm = JSON.readTree(realmJson).get("realm").asText();
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                + URLEncoder.encode(realm, StandardCharsets.UTF_8))).GET());
        if (found.statusCode() == 200) {
            return "exists   " + realm;
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmJson)));
        if (created.statusCode() != 201) {
            throw new IOException("could not create " + realm + ": HTTP " + created.statusCode() + " " + created.body());
        }
        return "created  " + realm;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String adminToken(String baseUrl, String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("admin login failed: HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
