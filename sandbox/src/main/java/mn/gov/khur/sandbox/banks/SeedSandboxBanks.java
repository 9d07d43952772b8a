package mn.gov.khur.sandbox.banks;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.sandbox.admin.AdminSession;

/**
 * Creates the sandbox banks (realms {@code sandbox-bank-*}: a consent-required client for ХУР and
 * test customers with register numbers) in the dev Keycloak through the admin REST API. Their JSON
 * lives in {@code sandbox/realms/}, never in the production realm files; {@code {{KHUR_BASE_URL}}}
 * in it becomes the Keycloak's own base URL. Realms that already exist are left alone.
 */
public final class SeedSandboxBanks {

    static final String BASE_URL_PLACEHOLDER = "{{KHUR_BASE_URL}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminSession admin;

    private SeedSandboxBanks(AdminSession admin) {
        this.admin = admin;
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
        AdminSession admin = AdminSession.login(baseUrl, adminUser, adminPassword);
        String base = admin.baseUrl();
        SeedSandboxBanks seeder = new SeedSandboxBanks(admin);
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
        HttpResponse<String> found = admin.send("/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8),
                HttpRequest.newBuilder().GET());
        if (found.statusCode() == 200) {
            return "exists   " + realm;
        }
        HttpResponse<String> created = admin.send("/admin/realms", HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmJson)));
        if (created.statusCode() != 201) {
            throw new IOException("could not create " + realm + ": HTTP " + created.statusCode() + " " + created.body());
        }
        return "created  " + realm;
    }
}
