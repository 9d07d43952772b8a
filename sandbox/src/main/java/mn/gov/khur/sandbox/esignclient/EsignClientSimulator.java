package mn.gov.khur.sandbox.esignclient;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The citizen's ESIGN client program as {@code docs/CONTRACTS.md} §4 describes it: a WebSocket server on
 * {@code ws://127.0.0.1:59001}. Hardening the real client must have too:
 * the handshake is refused unless the Origin is allow-listed and Host is exactly 127.0.0.1:port
 * (DNS rebinding); it signs only the KHUR login string, and only when the origin hash inside it
 * is the hash of the connecting page's Origin, so a challenge relayed by another site is useless; and ХУР's registry
 * approval text ({@code regnum.timestamp}) only while its time is current.
 * The "PIN dialog" is {@link #approve} (the sandbox page or a test), which shows the origin.
 */
public final class EsignClientSimulator extends WebSocketServer {

    public static final int DEFAULT_PORT = 59001;
    public static final String MESSAGE_TYPE = "e457cb50ed64bde0";
    private static final Pattern LOGIN_STRING =
            Pattern.compile("^khur-login/v1 origin-sha256=([A-Za-z0-9_-]{43}) nonce-sha256=([A-Za-z0-9_-]{43})$");
    /**
     * The state registry ХУР's approval of a fetch ({@code <register number>.<Unix seconds>}), which its example client
     * has the ESIGN client sign; accepted from an allowed origin only while the time in it is within
     * {@link #APPROVAL_SKEW_SECONDS} of now, so a page cannot collect approvals for later.
     */
    private static final Pattern REGISTRY_APPROVAL = Pattern.compile("^[А-ЯЁӨҮ]{2}[0-9]{8}\\.([0-9]{10})$");
    static final long APPROVAL_SKEW_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(EsignClientSimulator.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> allowedOrigins;
    private final Map<String, EsignToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, PendingSignature> pending = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private EsignClientSimulator(String host, int port, Set<String> allowedOrigins) {
        super(new InetSocketAddress(host, port));
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        setReuseAddr(true);
    }

    public static EsignClientSimulator start(int port, Set<String> allowedOrigins) throws InterruptedException {
        EsignClientSimulator simulator = new EsignClientSimulator("127.0.0.1", port, allowedOrigins);
        simulator.start();
        if (!simulator.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ESIGN client simulator did not start on port " + port);
        }
        return simulator;
    }

    public void plugIn(EsignToken token) {
        tokens.put(token.id(), token);
    }

    public List<EsignToken> tokens() {
        return List.copyOf(tokens.values());
    }

    public List<PendingSignature> pending() {
        return List.copyOf(pending.values());
    }

    /** Waits until a page has asked for a signature (tests). */
    public PendingSignature awaitPending(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            var any = pending.values().stream().findFirst();
            if (any.isPresent()) {
                return any.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no signing request within " + timeoutMillis + " ms");
    }

    /** The citizen picked {@code tokenId} and typed {@code pin} in the PIN dialog. */
    public SigningOutcome approve(String requestId, String tokenId, String pin) {
        PendingSignature request = pending.remove(requestId);
        if (request == null) {
            return SigningOutcome.NO_SUCH_REQUEST;
        }
        EsignToken token = tokens.get(tokenId);
        if (token == null) {
            return answerError(request, SigningOutcome.NO_SUCH_TOKEN);
        }
        if (!MessageDigest.isEqual(token.pin().getBytes(StandardCharsets.UTF_8), pin.getBytes(StandardCharsets.UTF_8))) {
            return answerError(request, SigningOutcome.PIN_REFUSED);
        }
        byte[] signature = token.credential().sign(request.data().getBytes(StandardCharsets.UTF_8));
        ObjectNode answer = JSON.createObjectNode()
                .put("certificate", token.credential().certificateBase64())
                .put("signature", Base64.getEncoder().encodeToString(signature));
        send(request.connection(), answer);
        return SigningOutcome.SIGNED;
    }

    public SigningOutcome cancel(String requestId) {
        PendingSignature request = pending.remove(requestId);
        return request == null ? SigningOutcome.NO_SUCH_REQUEST : answerError(request, SigningOutcome.CANCELLED);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        String origin = request.getFieldValue("Origin");
        String host = request.getFieldValue("Host");
        String expectedHost = "127.0.0.1:" + getPort();
        if (!allowedOrigins.contains(origin)) {
            LOG.info(() -> "ESIGN simulator: refused handshake from origin " + origin);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        if (!expectedHost.equals(host)) {
            LOG.info(() -> "ESIGN simulator: refused handshake with Host " + host);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "host not allowed");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(handshake.getFieldValue("Origin"));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        String origin = conn.getAttachment();
        String data;
        try {
            JsonNode json = JSON.readTree(message);
            if (!MESSAGE_TYPE.equals(json.path("type").asText()) || !json.path("data").isTextual()) {
                sendError(conn, "bad_request");
                return;
            }
            data = json.get("data").asText();
        } catch (Exception e) {
            sendError(conn, "bad_request");
            return;
        }
        Matcher login = LOGIN_STRING.matcher(data);
        Matcher approval = REGISTRY_APPROVAL.matcher(data);
        if (approval.matches()) {
            // ХУР's approval text is guessable by design (its scheme, not ours): signed only while it is current
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(approval.group(1))) > APPROVAL_SKEW_SECONDS) {
                sendError(conn, "bad_request");
                return;
            }
        } else if (!login.matches()) {
            sendError(conn, "bad_request"); // never sign arbitrary bytes
            return;
        } else if (!login.group(1).equals(sha256(origin))) {
            sendError(conn, "origin_mismatch"); // a challenge relayed from another site
            return;
        }
        String id = UUID.randomUUID().toString();
        pending.put(id, new PendingSignature(id, origin, data, conn));
        LOG.info(() -> "ESIGN simulator: PIN requested by " + origin + " (request " + id + ")");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        pending.values().removeIf(p -> p.connection() == conn);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        LOG.fine(() -> "ESIGN simulator: " + ex);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    private SigningOutcome answerError(PendingSignature request, SigningOutcome outcome) {
        sendError(request.connection(), outcome.errorCode());
        return outcome;
    }

    private static void sendError(WebSocket conn, String code) {
        send(conn, JSON.createObjectNode().put("error", code));
    }

    private static void send(WebSocket conn, ObjectNode answer) {
        if (conn.isOpen()) {
            conn.send(answer.toString());
        }
    }

    static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
