package mn.gov.khur.sandbox.subscribers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import mn.gov.khur.sandbox.citizens.SandboxCitizen;

/**
 * Sandbox subscriber lookup ("is this number registered in this citizen's name?"), speaking the wire
 * format of the identity provider's HTTP adapter:
 * <ul>
 *   <li>{@code POST /lookup} {@code {"msisdn","registerNumber"}} → {@code {"result":"match"|"no_match"|"unknown"}},
 *       plus {@code "simChangedAt"} (RFC 3339) when a SIM swap of that number is known;
 *       401 without the bearer token when one is configured; 503 during a simulated outage.</li>
 *   <li>Sandbox controls (never part of a real operator's interface): {@code POST /admin/subscribers}
 *       {@code {"msisdn","registerNumber"}} (registerNumber null: registered to nobody),
 *       {@code POST /admin/sim-change} {@code {"msisdn","changedAt"}} (changedAt null: no swap known) and
 *       {@code POST /admin/outage} {@code {"down":true|false}}.</li>
 * </ul>
 * Seeded with the sandbox citizens' phones plus {@code +97699000001} (registered to nobody) and
 * {@code +97699000002} (registered to someone else, ЗЗ99010100).
 */
public final class SubscriberLookupService implements AutoCloseable {

    public static final int DEFAULT_PORT = 8093;
    public static final String UNREGISTERED_NUMBER = "+97699000001";
    public static final String SOMEONE_ELSES_NUMBER = "+97699000002";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final SubscriberRegistry registry;
    private final String token;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ObjectMapper json = new ObjectMapper();

    private SubscriberLookupService(HttpServer server, SubscriberRegistry registry, String token) {
        this.server = server;
        this.registry = registry;
        this.token = token;
    }

    /** @param token bearer token required on /lookup, or null for none; port 0: ephemeral */
    public static SubscriberLookupService start(String host, int port, List<SandboxCitizen> citizens, String token)
            throws IOException {
        SubscriberRegistry registry = new SubscriberRegistry();
        for (SandboxCitizen citizen : citizens) {
            registry.register(citizen.phone(), citizen.registerNumber());
        }
        registry.register(UNREGISTERED_NUMBER, null);
        registry.register(SOMEONE_ELSES_NUMBER, "ЗЗ99010100");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        SubscriberLookupService service = new SubscriberLookupService(server, registry, token);
        server.setExecutor(service.executor);
        server.createContext("/", service::handle);
        server.start();
        return service;
    }

    public URI lookupUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/lookup");
    }

    public SubscriberRegistry registry() {
        return registry;
    }

    public void setDown(boolean isDown) {
        down.set(isDown);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "{\"error\":\"method_not_allowed\"}");
                return;
            }
            JsonNode body = read(exchange.getRequestBody());
            if (body == null) {
                reply(exchange, 400, "{\"error\":\"invalid_json\"}");
                return;
            }
            switch (path) {
                case "/lookup" -> lookup(exchange, body);
                case "/admin/subscribers" -> {
                    registry.register(body.path("msisdn").asText(), body.path("registerNumber").isNull()
                            ? null : body.path("registerNumber").asText(null));
                    reply(exchange, 204, null);
                }
                case "/admin/sim-change" -> {
                    String changedAt = body.path("changedAt").asText(null);
                    try {
                        registry.simChanged(body.path("msisdn").asText(), changedAt == null ? null : Instant.parse(changedAt));
                        reply(exchange, 204, null);
                    } catch (java.time.format.DateTimeParseException e) {
                        reply(exchange, 400, "{\"error\":\"invalid_changedAt\"}");
                    }
                }
                case "/admin/outage" -> {
                    down.set(body.path("down").asBoolean(false));
                    reply(exchange, 204, null);
                }
                default -> reply(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private void lookup(HttpExchange exchange, JsonNode body) throws IOException {
        if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        if (down.get()) {
            reply(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        String msisdn = body.path("msisdn").asText("");
        String registerNumber = body.path("registerNumber").asText("");
        if (msisdn.isEmpty() || registerNumber.isEmpty()) {
            reply(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        ObjectNode answer = json.createObjectNode().put("result", registry.lookup(msisdn, registerNumber));
        registry.lastSimChange(msisdn).ifPresent(changedAt -> answer.put("simChangedAt", changedAt.toString()));
        reply(exchange, 200, json.writeValueAsString(answer));
    }

    private JsonNode read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(4096);
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
