package mn.gov.khur.sms.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inbound webhook's scheme (contracts §2) in the other direction: {@code X-Khur-Timestamp: <unix seconds>},
 * {@code X-Khur-Signature: v1=<lower-case hex HMAC-SHA256(secret, timestamp + "." + body)>}, over the exact bytes sent.
 */
public final class OutboundSmsSigner {

    public static final String TIMESTAMP_HEADER = "X-Khur-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Khur-Signature";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public OutboundSmsSigner(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("outbound SMS secret is empty");
        }
        this.key = new SecretKeySpec(secret, HMAC);
    }

    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe: one per signature
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
