package mn.gov.khur.sandbox.gsign;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import mn.gov.khur.sandbox.http.Replies;
import mn.gov.khur.sandbox.http.Requests;
import mn.gov.khur.sandbox.http.SandboxHttpServer;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.signer.PushedPhones;
import mn.gov.khur.sandbox.signer.SignerControl;
import mn.gov.khur.sandbox.signer.SigningSessions;
import mn.gov.khur.sandbox.signer.SimulatedSigners;

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
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final SignerControl.Page CONTROL_PAGE = new SignerControl.Page("Sandbox GSign",
            "Sandbox GSign (cloud signature)", "Register number", "rn", "Phone");

    private record Account(String phone, IssuedCertificate credential) {
    }

    private final SandboxHttpServer server;
    private final String relyingPartyUuid;
    private final SimulatedSigners<Account, Behaviour> accounts = new SimulatedSigners<>(Behaviour.APPROVE);
    private final SigningSessions sessions = new SigningSessions();
    private final PushedPhones pushed = new PushedPhones();

    private GSignSimulator(SandboxHttpServer server, String relyingPartyUuid) {
        this.server = server;
        this.relyingPartyUuid = relyingPartyUuid;
    }

    /** Port 0 picks a free port (tests). */
    public static GSignSimulator start(String host, int port, String relyingPartyUuid) throws IOException {
        SandboxHttpServer http = SandboxHttpServer.bind(host, port);
        GSignSimulator simulator = new GSignSimulator(http, relyingPartyUuid);
        http.route("/v2/authentication/etsi/", simulator::authentication).route("/v2/session/", simulator::session);
        new SignerControl<>(simulator.accounts, CONTROL_PAGE, Account::phone).mountOn(http);
        http.start();
        return simulator;
    }

    public URI baseUri() {
        return server.uri("/v2");
    }

    public int port() {
        return server.port();
    }

    /** A GSign account: RSA PKCS#1 v1.5 or ECDSA keys (the schemes that sign a bare hash). */
    public void register(String registerNumber, String phone, IssuedCertificate credential) {
        if (credential.keyKind() == KeyKind.RSA_PSS) {
            throw new IllegalArgumentException("the sandbox GSign signs hashes with RSA PKCS#1 v1.5 or ECDSA");
        }
        accounts.register(registerNumber, new Account(phone, credential));
    }

    public void behaviour(String registerNumber, Behaviour behaviour) {
        accounts.behaviour(registerNumber, behaviour);
    }

    public void sessionLifetime(Duration lifetime) {
        sessions.lifetime(lifetime);
    }

    /** The text the last request showed in this citizen's app (empty if none). */
    public String lastDisplayedText(String registerNumber) {
        return accounts.lastDisplayedText(registerNumber);
    }

    /** How many login requests reached the app on this phone (PIN prompts shown), since the simulator started. */
    public int pushesTo(String phone) {
        return pushed.pushesTo(phone);
    }

    private void authentication(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Requests.requirePost(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String identifier = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
            JsonNode request;
            try {
                request = Requests.jsonBody(exchange, MAX_REQUEST_BYTES);
            } catch (IOException e) {
                Replies.json(exchange, 400, Map.of("title", "Bad request"));
                return;
            }
            if (request == null || !relyingPartyUuid.equals(request.path("relyingPartyUUID").asText())) {
                Replies.json(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(request.path("hash").asText(""));
            } catch (IllegalArgumentException e) {
                hash = new byte[0];
            }
            if (hash.length != 32 || !"SHA256".equals(request.path("hashType").asText())) {
                Replies.json(exchange, 400, Map.of("title", "Bad request"));
                return;
            }
            String rn = identifier.startsWith("PNOMN-") ? identifier.substring(6) : "";
            String phone = request.path("phoneNumber").asText();
            if (accounts.find(rn).filter(a -> a.account().phone().equals(phone)).isEmpty()) {
                Replies.json(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            accounts.shown(rn, request.path("allowedInteractionsOrder").path(0).path("displayText60").asText(""), hash);
            pushed.pushed(phone);
            Replies.json(exchange, 200, Map.of("sessionID", sessions.open(rn, hash)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "GSign simulator failed", e);
        }
    }

    private void session(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            SigningSessions.Session session = sessions.find(path.substring(path.lastIndexOf('/') + 1)).orElse(null);
            if (session == null) {
                Replies.json(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            SimulatedSigners.Signer<Account, Behaviour> signer = accounts.find(session.signerId()).orElseThrow();
            IssuedCertificate credential = signer.account().credential();
            SigningSessions.Poll poll = session.poll();
            Map<String, Object> answer = poll.expired() ? complete("TIMEOUT", null, null) : switch (signer.behaviour()) {
                case DECLINE -> complete("USER_REFUSED", null, null);
                case TIMEOUT -> Map.of("state", "RUNNING");
                case APPROVE -> poll.number() < 2 ? Map.of("state", "RUNNING")
                        : complete("OK", credential, signHash(credential, session.hash()));
                case FORGED -> {
                    byte[] foreign = new byte[32];
                    RANDOM.nextBytes(foreign);
                    yield complete("OK", credential, signHash(credential, foreign));
                }
            };
            Replies.json(exchange, 200, answer);
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

    @Override
    public void close() {
        server.close();
    }
}
