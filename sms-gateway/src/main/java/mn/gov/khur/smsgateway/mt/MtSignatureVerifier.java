package mn.gov.khur.smsgateway.mt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity provider's signature on {@code POST /mt}: the inbound webhook's first scheme (contracts §2,
 * {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}) with the outbound secret. The timestamp must be
 * within the tolerance; the comparison is constant-time.
 */
public final class MtSignatureVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final byte[] secret;
    private final Duration tolerance;

    public MtSignatureVerifier(byte[] secret, Duration tolerance) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("MT secret is empty");
        }
        this.secret = secret.clone();
        this.tolerance = tolerance;
    }

    /** The header value the identity provider sends for this body. */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public boolean valid(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp.strip()).matches()) {
            return false;
        }
        String ts = timestamp.strip();
        if (Math.abs(now.getEpochSecond() - Long.parseLong(ts)) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
