package mn.gov.khur.smsgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Khur-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} (contracts §2).
 * Signs the exact bytes sent, never a re-serialisation.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "X-Khur-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Khur-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSigner(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String sign(String timestamp, byte[] body) {
        Mac mac = newMac();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(body);
        return "v1=" + HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe: one per signature
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
