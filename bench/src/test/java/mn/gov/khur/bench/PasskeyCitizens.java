package mn.gov.khur.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Citizens who log in with a passkey (scenario 6): their own register numbers ({@link #FIRST} onwards, apart from
 * every other scenario's), each with one passkey made by {@link BenchPasskey} in this JVM and stored through the
 * admin REST API as Keycloak stores a registered one. The private keys live only in this process, so the citizens
 * are (re)created at the start of the scenario; no password is set (a passkey login never hashes one).
 */
final class PasskeyCitizens {

    static final int FIRST = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PasskeyCitizens() {
    }

    static List<BenchPasskey> create(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<BenchPasskey>> work = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int i = FIRST + n;
                work.add(pool.submit(() -> recreate(i)));
            }
            List<BenchPasskey> passkeys = new ArrayList<>();
            for (Future<BenchPasskey> f : work) {
                passkeys.add(f.get());
            }
            return passkeys;
        } catch (Exception e) {
            throw new IllegalStateException("seeding the passkey citizens failed", e);
        } finally {
            pool.shutdown();
        }
    }

    private static BenchPasskey recreate(int i) throws IOException {
        String users = "/admin/realms/" + BenchConfig.KHUR_REALM + "/users";
        JsonNode existing = JSON.readTree(Seed.expect(Seed.send("GET", users + "?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(Citizens.username(i), StandardCharsets.UTF_8), null), 200));
        for (JsonNode user : existing) {
            Seed.send("DELETE", users + "/" + user.get("id").asText(), null);
        }
        BenchPasskey passkey = BenchPasskey.generate();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", Citizens.username(i));
        user.put("enabled", true);
        user.put("firstName", "Бат");
        user.put("lastName", "Болд");
        user.put("attributes", Map.of(
                "register_number", List.of(Citizens.registerNumber(i)),
                "phone_number", List.of(Citizens.phone(i)),
                "phone_number_verified", List.of("true")));
        user.put("credentials", List.of(passkey.credentialRepresentation("bench passkey")));
        var created = Seed.send("POST", users, JSON.writeValueAsString(user));
        Seed.expect(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        passkey.boundTo(location.substring(location.lastIndexOf('/') + 1));
        return passkey;
    }
}
