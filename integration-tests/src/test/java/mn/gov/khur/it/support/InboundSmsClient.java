package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An SMS gateway calling the inbound webhook of docs/CONTRACTS.md §2, signed like a real one: {@code v1} unless told to
 * sign {@code v2} (which names the realm the message is for).
 */
public final class InboundSmsClient {

    public static final String PATH = path(KeycloakServer.REALM);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String secret;
    private final String baseUrl;
    private final String targetRealm;
    /** The realm a v2 signature names; null: sign v1. */
    private final String v2Realm;

    public InboundSmsClient(String secret) {
        this(KeycloakServer.BASE_URL, secret);
    }

    public InboundSmsClient(String baseUrl, String secret) {
        this(baseUrl, secret, KeycloakServer.REALM, null);
    }

    private InboundSmsClient(String baseUrl, String secret, String targetRealm, String v2Realm) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.targetRealm = targetRealm;
        this.v2Realm = v2Realm;
    }

    /** The same gateway posting to another realm's webhook. */
    public InboundSmsClient toRealm(String realm) {
        return new InboundSmsClient(baseUrl, secret, realm, v2Realm);
    }

    /** The same gateway signing {@code v2} for {@code realm} (not necessarily the one it posts to). */
    public InboundSmsClient signingV2For(String realm) {
        return new InboundSmsClient(baseUrl, secret, targetRealm, realm);
    }

    public static String path(String realm) {
        return "/realms/" + realm + "/sms-gateway/inbound";
    }

    public InboundSmsClient() {
        this(KeycloakServer.SMS_SECRET);
    }

    public static String body(String messageId, String from, String to, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("from", from);
        body.put("to", to);
        body.put("text", text);
        body.put("receivedAt", Instant.now().toString());
        return Json.write(body);
    }

    /** A citizen texting {@code text} to 130092 from {@code from}. */
    public HttpResponse<String> send(String from, String text) {
        return sendSigned(body("it-" + UUID.randomUUID(), from, "130092", text));
    }

    /**
     * Like the SMPP bridge: the same message (same id, fresh signature) is redelivered while the
     * IdP answers a temporary error (429, 5xx) or cannot be reached, until {@code patience} ends.
     */
    public HttpResponse<String> deliver(String from, String text, Duration patience) {
        String messageId = "it-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            HttpResponse<String> response = null;
            try {
                response = sendSigned(body(messageId, from, "130092", text));
                boolean temporary = response.statusCode() == 429 || response.statusCode() >= 500;
                if (!temporary || Instant.now().isAfter(deadline)) {
                    return response;
                }
            } catch (IllegalStateException unreachable) {
                if (Instant.now().isAfter(deadline)) {
                    throw unreachable;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public HttpResponse<String> sendSigned(String body) {
        long timestamp = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return sendRaw(bytes, "application/json", String.valueOf(timestamp),
                v2Realm == null ? signature(secret, timestamp, bytes) : signatureV2(secret, timestamp, v2Realm, bytes));
    }

    public HttpResponse<String> sendRaw(byte[] body, String contentType, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path(targetRealm)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (timestamp != null) {
            request.header("X-Khur-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Khur-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code v1}: HMAC over {@code <timestamp>.<body>}. */
    public static String signature(String secret, long timestamp, byte[] body) {
        return "v1=" + hmac(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }

    /** {@code v2}: HMAC over {@code <timestamp>\nPOST\n/realms/<realm>/sms-gateway/inbound\n<body>}. */
    public static String signatureV2(String secret, long timestamp, String realm, byte[] body) {
        return "v2=" + hmac(secret, (timestamp + "\nPOST\n" + path(realm) + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    private static String hmac(String secret, byte[] head, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(head);
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
