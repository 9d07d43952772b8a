package mn.gov.khur.sandbox.citizens;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.sandbox.admin.AdminSession;

/**
 * Creates the sandbox citizens in the dev Keycloak through the admin REST API, as an operator's
 * tool would; skips citizens that already exist, so it is safe on every dev start. Dev only: the
 * realm file that ships has no users.
 */
public final class SeedSandboxCitizens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminSession admin;

    private SeedSandboxCitizens(AdminSession admin) {
        this.admin = admin;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: SeedSandboxCitizens <keycloak-base-url> <admin-user> <admin-password>");
            System.exit(2);
        }
        SeedSandboxCitizens seeder = new SeedSandboxCitizens(AdminSession.login(args[0], args[1], args[2]));
        for (SandboxCitizen citizen : SandboxCitizens.load().all()) {
            System.out.println("  " + seeder.ensure(citizen) + "  " + citizen.registerNumber() + "  " + citizen.phone()
                    + "  " + citizen.password() + "  " + citizen.displayName());
        }
    }

    private String ensure(SandboxCitizen citizen) throws IOException, InterruptedException {
        String query = URLEncoder.encode("register_number:" + citizen.registerNumber(), StandardCharsets.UTF_8);
        HttpResponse<String> found = admin.send("/admin/realms/khur/users?q=" + query, HttpRequest.newBuilder().GET());
        if (found.statusCode() == 200 && JSON.readTree(found.body()).size() > 0) {
            return "exists ";
        }
        Map<String, Object> user = Map.of(
                "username", citizen.username(),
                "enabled", true,
                "firstName", citizen.givenName(),
                "lastName", citizen.familyName(),
                "attributes", Map.of(
                        "register_number", List.of(citizen.registerNumber()),
                        "phone_number", List.of(citizen.phone()),
                        "phone_number_verified", List.of("true"),
                        "birthdate", List.of(citizen.birthdate().toString())),
                "credentials", List.of(Map.of("type", "password", "value", citizen.password(), "temporary", false)));
        HttpResponse<String> created = admin.send("/admin/realms/khur/users", HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))));
        return created.statusCode() == 201 ? "created" : "FAILED " + created.statusCode() + " " + created.body();
    }
}
