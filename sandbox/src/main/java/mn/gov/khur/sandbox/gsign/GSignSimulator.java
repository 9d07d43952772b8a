package mn.gov.khur.sandbox.gsign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;

/**
 * Sandbox GSign cloud-signature service, speaking the Smart-ID-v2-style API that
 * {@code mn.gov.khur.esign.cloud.GSignClient} documents: {@code POST /v2/authentication/etsi/PNOMN-<RN>}
 * and {@code GET /v2/session/<id>}. Accounts are keyed by register number and bound to a phone;
 * behaviours APPROVE (COMPLETE/OK on the second poll, signing the hash as Smart-ID does), DECLINE
 * (USER_REFUSED), TIMEOUT (RUNNING, then TIMEOUT), FORGED (the right key over another hash).
 * Controls: {@code POST /control/behaviour?rn=…&behaviour=…} and the page {@code /control}.
 */
public final class GSignSimulator implements AutoCloseable {

    public enum Behaviour { APPROVE, DECLINE, TIMEOUT, FORGED }

    private static final Logger LOG = Logger.getLogger(GSignSimulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private record Account(String phone, IssuedCertificate credential, Behaviour behaviour) {
    }

    private static final class Session {
        final String registerNumber;
        final byte[] hash;
        final Instant expiresAt;
        int polls;

        Session(String registerNumber, byte[] hash, Instant expiresAt) {
            this.registerNumber = registerNumber;
            this.hash = hash;
            this.expiresAt = expiresAt;
        }
    }

    private final HttpServer server;
    private final String relyingPartyUuid;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> lastDisplayed = new ConcurrentHashMap<>();
    private volatile Duration sessionLifetime = Duration.ofSeconds(120);

    private GSignSimulator(HttpServer server, String relyingPartyUuid) {
        this.server = server;
        this.relyingPartyUuid = relyingPartyUuid;
    }

    /** Port 0 picks a free port (tests). */
    public static GSignSimulator start(String host, int port, String relyingPartyUuid) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        GSignSimulator simulator = new GSignSimulator(http, relyingPartyUuid);
        http.createContext("/v2/authentication/etsi/", simulator::authentication);
        http.createContext("/v2/session/", simulator::session);
        http.createContext("/control/behaviour", simulator::control);
        http.createContext("/control", simulator::controlPage);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return simulator;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A GSign account: RSA PKCS#1 v1.5 or ECDSA keys (the schemes that sign a bare hash). */
    public void register(String registerNumber, String phone, IssuedCertificate credential) {
        if (credential.keyKind() == KeyKind.RSA_PSS) {
            throw new IllegalArgumentException("the sandbox GSign signs hashes with RSA PKCS#1 v1.5 or ECDSA");
        }
        accounts.put(registerNumber, new Account(phone, credential, Behaviour.APPROVE));
    }

    public void behaviour(String registerNumber, Behaviour behaviour) {
        accounts.computeIfPresent(registerNumber, (k, a) -> new Account(a.phone(), a.credential(), behaviour));
    }

    public void sessionLifetime(Duration lifetime) {
        this.sessionLifetime = lifetime;
    }

    /** The text the last request showed in this citizen's app (empty if none). */
    public String lastDisplayedText(String registerNumber) {
        return lastDisplayed.getOrDefault(registerNumber, "");
    }

    private void authentication(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String identifier = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(in.readNBytes(64 * 1024));
            } catch (IOException e) {
                send(exchange, 400, Map.of("title", "Bad request"));
                return;
            }
            if (request == null || !relyingPartyUuid.equals(request.path("relyingPartyUUID").asText())) {
                send(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(request.path("hash").asText(""));
            } catch (IllegalArgumentException e) {
                hash = new byte[0];
            }
            if (hash.length != 32 || !"SHA256".equals(request.path("hashType").asText())) {
                send(exchange, 400, Map.of("title", "Bad request"));
                return;
            }
            String rn = identifier.startsWith("PNOMN-") ? identifier.substring(6) : "";
            Account account = accounts.get(rn);
            if (account == null || !account.phone().equals(request.path("phoneNumber").asText())) {
                send(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            lastDisplayed.put(rn, request.path("allowedInteractionsOrder").path(0).path("displayText60").asText(""));
            String id = UUID.randomUUID().toString();
            sessions.put(id, new Session(rn, hash, Instant.now().plus(sessionLifetime)));
            send(exchange, 200, Map.of("sessionID", id));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "GSign simulator failed", e);
        }
    }

    private void session(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Session session = sessions.get(path.substring(path.lastIndexOf('/') + 1));
            if (session == null) {
                send(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            Account account = accounts.get(session.registerNumber);
            Map<String, Object> answer;
            synchronized (session) {
                session.polls++;
                if (Instant.now().isAfter(session.expiresAt)) {
                    answer = complete("TIMEOUT", null, null);
                } else {
                    answer = switch (account.behaviour()) {
                        case DECLINE -> complete("USER_REFUSED", null, null);
                        case TIMEOUT -> Map.of("state", "RUNNING");
                        case APPROVE -> session.polls < 2 ? Map.of("state", "RUNNING")
                                : complete("OK", account.credential(), signHash(account.credential(), session.hash));
                        case FORGED -> {
                            byte[] foreign = new byte[32];
                            RANDOM.nextBytes(foreign);
                            yield complete("OK", account.credential(), signHash(account.credential(), foreign));
                        }
                    };
                }
            }
            send(exchange, 200, answer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "GSign simulator failed", e);
        }
    }

    /** Signs a bare SHA-256 hash: RSA PKCS#1 v1.5 over DigestInfo, or ECDSA (DER), as Smart-ID does. */
    static byte[] signHash(IssuedCertificate credential, byte[] hash) {
        try {
            if (credential.keyKind() == KeyKind.EC_P256) {
                Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                ecdsa.initSign(credential.keyPair().getPrivate());
                ecdsa.update(hash);
                return ecdsa.sign();
            }
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(credential.keyPair().getPrivate());
            rsa.update(SHA256_DIGEST_INFO);
            rsa.update(hash);
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> complete(String endResult, IssuedCertificate credential, byte[] signature) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", "COMPLETE");
        answer.put("result", Map.of("endResult", endResult));
        if (signature != null) {
            answer.put("signature", Map.of("value", Base64.getEncoder().encodeToString(signature),
                    "algorithm", credential.keyKind() == KeyKind.EC_P256 ? "sha256WithECDSA" : "sha256WithRSAEncryption"));
            answer.put("cert", Map.of("value", credential.certificateBase64(), "certificateLevel", "QUALIFIED"));
        }
        return answer;
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
            Behaviour behaviour;
            try {
                behaviour = Behaviour.valueOf(params.getOrDefault("behaviour", "").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String rn = params.getOrDefault("rn", "");
            if (!accounts.containsKey(rn)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            behaviour(rn, behaviour);
            exchange.getResponseHeaders().add("Location", "/control");
            exchange.sendResponseHeaders(303, -1);
        }
    }

    private void controlPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"mn\"><meta charset=\"utf-8\">"
                    + "<title>Sandbox GSign</title><h1>Sandbox GSign (cloud signature)</h1><table><tr><th>Register number</th>"
                    + "<th>Phone</th><th>Behaviour</th></tr>");
            accounts.forEach((rn, a) -> {
                html.append("<tr><td>").append(escape(rn)).append("</td><td>").append(escape(a.phone()))
                        .append("</td><td><form method=\"post\" action=\"/control/behaviour\"><input type=\"hidden\" name=\"rn\" value=\"")
                        .append(escape(rn)).append("\"><select name=\"behaviour\" aria-label=\"behaviour\">");
                for (Behaviour b : Behaviour.values()) {
                    html.append("<option").append(b == a.behaviour() ? " selected" : "").append('>').append(b).append("</option>");
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
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
