package mn.gov.khur.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Seeds the server through the admin REST API (idempotent, so every simulation calls it):
 * the stock realm {@value BenchConfig#STOCK_REALM} for the baseline (Keycloak's built-in browser
 * flow and theme, the khur realm's password policy, brute-force and event-store settings copied, so
 * password hashing and the login events written are the same), its client, and citizens in both realms.
 */
public final class Seed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Object TOKEN_LOCK = new Object();
    private static String token;
    private static long tokenAt;

    private Seed() {
    }

    public static synchronized void ensure(int citizens) {
        try {
            JsonNode khur = JSON.readTree(expect(send("GET", "/admin/realms/" + BenchConfig.KHUR_REALM, null), 200));
            if (send("GET", "/admin/realms/" + BenchConfig.STOCK_REALM, null).statusCode() == 404) {
                Map<String, Object> realm = new LinkedHashMap<>();
                realm.put("realm", BenchConfig.STOCK_REALM);
                realm.put("enabled", true);
                for (String copied : List.of("passwordPolicy", "bruteForceProtected", "permanentLockout", "failureFactor",
                        "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds", "waitIncrementSeconds",
                        "quickLoginCheckMilliSeconds", "maxDeltaTimeSeconds", "ssoSessionIdleTimeout",
                        "ssoSessionMaxLifespan", "accessTokenLifespan",
                        // the same event store as the khur realm, so rows written per login compare like with like
                        "eventsEnabled", "enabledEventTypes", "eventsExpiration")) {
                    if (khur.has(copied)) {
                        realm.put(copied, JSON.treeToValue(khur.get(copied), Object.class));
                    }
                }
                realm.put("clients", List.of(Map.of(
                        "clientId", BenchConfig.STOCK_CLIENT,
                        "enabled", true,
                        "publicClient", false,
                        "secret", BenchConfig.STOCK_CLIENT_SECRET,
                        "redirectUris", List.of("http://localhost:8092/*"),
                        "standardFlowEnabled", true,
                        "directAccessGrantsEnabled", false,
                        "attributes", Map.of("pkce.code.challenge.method", "S256"))));
                expect(send("POST", "/admin/realms", JSON.writeValueAsString(realm)), 201);
            }
            if (!exists(BenchConfig.KHUR_REALM, Citizens.username(citizens - 1))
                    || !exists(BenchConfig.STOCK_REALM, Citizens.stockUsername(Math.min(citizens, BenchConfig.LOGIN_POOL) - 1))) {
                createUsers(citizens);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** bin/bench seeds once, before any scenario (and before any JFR recording). */
    public static void main(String[] args) {
        long t = System.nanoTime();
        ensure(BenchConfig.citizensNeeded());
        linkToBank(Citizens.username(0));
        System.out.printf("bench: seeded %d citizens (khur) and %d users (%s) in %.0f s%n", BenchConfig.citizensNeeded(),
                Math.min(BenchConfig.citizensNeeded(), BenchConfig.LOGIN_POOL), BenchConfig.STOCK_REALM, (System.nanoTime() - t) / 1e9);
    }

    /**
     * Links a citizen to the realm's first bank through the admin API, so Keycloak writes the
     * {@code federated_identity} row that bench/seed-citizens.py copies for bulk-loaded citizens.
     */
    static void linkToBank(String username) {
        try {
            JsonNode banks = JSON.readTree(expect(send("GET", "/admin/realms/" + BenchConfig.KHUR_REALM
                    + "/identity-provider/instances", null), 200));
            String bank = banks.get(0).get("alias").asText();
            JsonNode users = JSON.readTree(expect(send("GET", "/admin/realms/" + BenchConfig.KHUR_REALM
                    + "/users?exact=true&briefRepresentation=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200));
            String id = users.get(0).get("id").asText();
            HttpResponse<String> r = send("POST", "/admin/realms/" + BenchConfig.KHUR_REALM + "/users/" + id
                    + "/federated-identity/" + bank, JSON.writeValueAsString(Map.of(
                            "identityProvider", bank, "userId", "bench-" + bank + "-0", "userName", "bench-" + bank + "-0")));
            if (r.statusCode() != 204 && r.statusCode() != 409) {
                throw new IllegalStateException("link " + username + " to " + bank + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String realm, String username) throws IOException {
        HttpResponse<String> r = send("GET", "/admin/realms/" + realm + "/users?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        return r.statusCode() == 200 && r.body().contains("\"id\"");
    }

    /**
     * Points the realm's {@code khur esign token} authenticator config at a trust-anchor file (the
     * authenticator reads its config per login, so no restart is needed).
     */
    public static void configureEsignTrustAnchors(String pemPath) {
        try {
            JsonNode executions = JSON.readTree(expect(send("GET", "/admin/realms/" + BenchConfig.KHUR_REALM
                    + "/authentication/flows/" + URLEncoder.encode("khur browser", StandardCharsets.UTF_8).replace("+", "%20")
                    + "/executions", null), 200));
            String configId = null;
            for (JsonNode e : executions) {
                if ("khur-esign-token".equals(e.path("providerId").asText()) && e.has("authenticationConfig")) {
                    configId = e.get("authenticationConfig").asText();
                }
            }
            if (configId == null) {
                throw new IllegalStateException("no khur-esign-token execution with a config in flow 'khur browser'");
            }
            String path = "/admin/realms/" + BenchConfig.KHUR_REALM + "/authentication/config/" + configId;
            com.fasterxml.jackson.databind.node.ObjectNode config =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(expect(send("GET", path, null), 200));
            ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("config")).put("khur.esign.trustAnchorsFile", pemPath);
            expect(send("PUT", path, JSON.writeValueAsString(config)), 204);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hashing algorithm the server actually stored for a citizen (for the report). */
    public static String storedHashAlgorithm(String realm, String username) {
        try {
            JsonNode users = JSON.readTree(expect(send("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200));
            String id = users.get(0).get("id").asText();
            JsonNode creds = JSON.readTree(expect(send("GET", "/admin/realms/" + realm + "/users/" + id + "/credentials", null), 200));
            JsonNode data = JSON.readTree(creds.get(0).get("credentialData").asText());
            return data.path("algorithm").asText() + " (" + data.path("hashIterations").asText() + " iterations"
                    + (data.has("additionalParameters") ? ", " + data.get("additionalParameters") : "") + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void createUsers(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    createIfAbsent(BenchConfig.KHUR_REALM, Map.of(
                            "username", Citizens.username(n),
                            "enabled", true,
                            "firstName", "Бат",
                            "lastName", "Болд",
                            "attributes", Map.of(
                                    "register_number", List.of(Citizens.registerNumber(n)),
                                    "phone_number", List.of(Citizens.phone(n)),
                                    "phone_number_verified", List.of("true")),
                            "credentials", List.of(Map.of("type", "password", "value", BenchConfig.PASSWORD, "temporary", false))));
                    if (n >= BenchConfig.LOGIN_POOL) {
                        return null; // the stock realm only serves the baseline's pool
                    }
                    createIfAbsent(BenchConfig.STOCK_REALM, Map.of(
                            "username", Citizens.stockUsername(n),
                            "enabled", true,
                            "firstName", "Bat",
                            "lastName", "Bold",
                            "email", Citizens.stockUsername(n) + "@bench.invalid",
                            "emailVerified", true,
                            "credentials", List.of(Map.of("type", "password", "value", BenchConfig.PASSWORD, "temporary", false))));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            pool.shutdown();
        }
    }

    private static void createIfAbsent(String realm, Map<String, Object> user) throws IOException {
        HttpResponse<String> r = send("POST", "/admin/realms/" + realm + "/users", JSON.writeValueAsString(user));
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("create user in " + realm + ": " + r.statusCode() + " " + r.body());
        }
    }

    static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().uri() + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String token() throws IOException {
        synchronized (TOKEN_LOCK) {
            return freshToken();
        }
    }

    private static String freshToken() throws IOException {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(30).toNanos()) {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
            HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(BenchConfig.BASE_URL + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            token = JSON.readTree(expect(r, 200)).get("access_token").asText();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    static HttpResponse<String> send(String method, String path, String json) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BenchConfig.BASE_URL + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(b.build());
    }

    private static HttpResponse<String> call(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
