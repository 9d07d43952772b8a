package mn.gov.khur.sandbox.mssp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.sandbox.pki.IssuedCertificate;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Sandbox Mobile Signature Service Provider: the ETSI TS 102 204 asynchronous client-server
 * JSON binding that {@code mn.gov.khur.esign.sim.MsspClient} speaks ({@code POST <base>/signature}
 * with MSS_SignatureReq, {@code POST <base>/status} with MSS_StatusReq), under {@code /mssp/v1}.
 * Each registered phone holds a sandbox citizen's key and a behaviour: APPROVE (signs the hash on
 * the second status query, as if the citizen needed a moment), DECLINE (401 USER_CANCEL), TIMEOUT
 * (504 until the transaction expires, then 208 EXPIRED_TRANSACTION), FORGED (a valid CMS by the
 * right key over a different hash). Unknown phones get 105 UNKNOWN_CLIENT. Controls:
 * {@code POST /control/behaviour?msisdn=+976…&behaviour=decline} and the page at {@code /control}.
 */
public final class MsspSimulator implements AutoCloseable {

    public enum Behaviour { APPROVE, DECLINE, TIMEOUT, FORGED }

    private static final Logger LOG = Logger.getLogger(MsspSimulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Subscriber(IssuedCertificate credential, Behaviour behaviour) {
    }

    private static final class Transaction {
        final String msisdn;
        final byte[] hash;
        final Instant expiresAt;
        int polls;

        Transaction(String msisdn, byte[] hash, Instant expiresAt) {
            this.msisdn = msisdn;
            this.hash = hash;
            this.expiresAt = expiresAt;
        }
    }

    private final HttpServer server;
    private final String apId;
    private final String apPassword;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Map<String, String> lastDisplayed = new ConcurrentHashMap<>();
    private volatile Duration transactionLifetime = Duration.ofSeconds(120);

    private MsspSimulator(HttpServer server, String apId, String apPassword) {
        this.server = server;
        this.apId = apId;
        this.apPassword = apPassword;
    }

    /** Port 0 picks a free port (tests). */
    public static MsspSimulator start(String host, int port, String apId, String apPassword) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        MsspSimulator simulator = new MsspSimulator(http, apId, apPassword);
        http.createContext("/mssp/v1/signature", exchange -> simulator.handle(exchange, simulator::signature));
        http.createContext("/mssp/v1/status", exchange -> simulator.handle(exchange, simulator::status));
        http.createContext("/control/behaviour", simulator::control);
        http.createContext("/control", simulator::controlPage);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return simulator;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mssp/v1");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void register(String msisdn, IssuedCertificate credential) {
        subscribers.put(msisdn, new Subscriber(credential, Behaviour.APPROVE));
    }

    public void behaviour(String msisdn, Behaviour behaviour) {
        subscribers.computeIfPresent(msisdn, (k, s) -> new Subscriber(s.credential(), behaviour));
    }

    /** The text the last signature request showed on this phone (empty if none). */
    public String lastDisplayedText(String msisdn) {
        return lastDisplayed.getOrDefault(msisdn, "");
    }

    /** How long a transaction waits for the citizen before 208 EXPIRED_TRANSACTION. */
    public void transactionLifetime(Duration lifetime) {
        this.transactionLifetime = lifetime;
    }

    private interface Operation {
        Map<String, Object> answer(JsonNode request);
    }

    private void handle(HttpExchange exchange, Operation operation) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(in.readNBytes(64 * 1024));
            } catch (IOException e) {
                send(exchange, 400, fault(101, "WRONG_PARAM"));
                return;
            }
            Map<String, Object> answer;
            try {
                answer = operation.answer(request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MSSP simulator failed", e);
                answer = fault(900, "INTERNAL_ERROR");
            }
            send(exchange, answer.containsKey("Fault") ? 500 : 200, answer);
        }
    }

    private boolean authorised(JsonNode apInfo) {
        return apId.equals(apInfo.path("AP_ID").asText()) && apPassword.equals(apInfo.path("AP_PWD").asText());
    }

    private Map<String, Object> signature(JsonNode body) {
        JsonNode request = body.path("MSS_SignatureReq");
        if (!authorised(request.path("AP_Info"))) {
            return fault(104, "UNAUTHORIZED_ACCESS");
        }
        String msisdn = request.path("MobileUser").path("MSISDN").asText("");
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(request.path("DataToBeSigned").path("Data").asText(""));
        } catch (IllegalArgumentException e) {
            return fault(101, "WRONG_PARAM");
        }
        if (hash.length < 32 || request.path("DataToBeDisplayed").path("Data").asText("").isBlank()) {
            return fault(101, "WRONG_PARAM");
        }
        if (!subscribers.containsKey(msisdn)) {
            return fault(105, "UNKNOWN_CLIENT");
        }
        lastDisplayed.put(msisdn, request.path("DataToBeDisplayed").path("Data").asText());
        String id = UUID.randomUUID().toString();
        transactions.put(id, new Transaction(msisdn, hash, Instant.now().plus(transactionLifetime)));
        return Map.of("MSS_SignatureResp", Map.of("AP_TransID", request.path("AP_Info").path("AP_TransID").asText(""),
                "MSSP_TransID", id, "Status", status(100, "REQUEST_OK")));
    }

    private Map<String, Object> status(JsonNode body) {
        JsonNode request = body.path("MSS_StatusReq");
        if (!authorised(request.path("AP_Info"))) {
            return fault(104, "UNAUTHORIZED_ACCESS");
        }
        Transaction transaction = transactions.get(request.path("MSSP_TransID").asText(""));
        if (transaction == null) {
            return fault(101, "WRONG_PARAM");
        }
        Subscriber subscriber = subscribers.get(transaction.msisdn);
        synchronized (transaction) {
            transaction.polls++;
            if (Instant.now().isAfter(transaction.expiresAt)) {
                return statusResp(208, "EXPIRED_TRANSACTION", null);
            }
            return switch (subscriber.behaviour()) {
                case DECLINE -> statusResp(401, "USER_CANCEL", null);
                case TIMEOUT -> statusResp(504, "OUTSTANDING_TRANSACTION", null);
                case APPROVE -> transaction.polls < 2 ? statusResp(504, "OUTSTANDING_TRANSACTION", null)
                        : statusResp(500, "SIGNATURE", cms(subscriber.credential(), transaction.hash));
                case FORGED -> {
                    byte[] foreign = new byte[transaction.hash.length];
                    RANDOM.nextBytes(foreign);
                    yield statusResp(500, "SIGNATURE", cms(subscriber.credential(), foreign));
                }
            };
        }
    }

    /** CMS SignedData over {@code content}, encapsulated, with the signer's certificate. */
    public static String cms(IssuedCertificate credential, byte[] content) {
        try {
            BouncyCastleProvider provider = new BouncyCastleProvider();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            var signer = new JcaContentSignerBuilder(credential.keyKind().signatureAlgorithm()).setProvider(provider)
                    .build(credential.keyPair().getPrivate());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(provider).build()).build(signer, credential.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(credential.certificate()));
            return Base64.getEncoder().encodeToString(generator.generate(new CMSProcessableByteArray(content), true).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("CMS signing failed", e);
        }
    }

    private static Map<String, Object> statusResp(int code, String message, String cms) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Status", status(code, message));
        if (cms != null) {
            response.put("MSS_Signature", Map.of("Base64Signature", cms));
        }
        return Map.of("MSS_StatusResp", response);
    }

    private static Map<String, Object> status(int code, String message) {
        return Map.of("StatusCode", Map.of("Value", code), "StatusMessage", message);
    }

    private static Map<String, Object> fault(int code, String reason) {
        return Map.of("Fault", Map.of("Code", Map.of("Value", "env:Receiver", "SubCode", Map.of("Value", "mss:_" + code)),
                "Reason", reason));
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null || query.isEmpty()) {
                try (InputStream in = exchange.getRequestBody()) {
                    query = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                }
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String msisdn = params.getOrDefault("msisdn", "");
            Behaviour behaviour;
            try {
                behaviour = Behaviour.valueOf(params.getOrDefault("behaviour", "").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (!subscribers.containsKey(msisdn)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            behaviour(msisdn, behaviour);
            exchange.getResponseHeaders().add("Location", "/control");
            exchange.sendResponseHeaders(303, -1);
        }
    }

    private void controlPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"mn\"><meta charset=\"utf-8\">"
                    + "<title>Sandbox MSSP</title><h1>Sandbox MSSP (SIM signature)</h1><table><tr><th>MSISDN</th>"
                    + "<th>Certificate</th><th>Behaviour</th></tr>");
            subscribers.forEach((msisdn, s) -> {
                html.append("<tr><td>").append(escape(msisdn)).append("</td><td>").append(escape(s.credential().label()))
                        .append("</td><td><form method=\"post\" action=\"/control/behaviour\"><input type=\"hidden\" name=\"msisdn\" value=\"")
                        .append(escape(msisdn)).append("\"><select name=\"behaviour\" aria-label=\"behaviour\">");
                for (Behaviour b : Behaviour.values()) {
                    html.append("<option").append(b == s.behaviour() ? " selected" : "").append('>').append(b).append("</option>");
                }
                html.append("</select><button>Set</button></form></td></tr>");
            });
            html.append("</table></html>");
            byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
