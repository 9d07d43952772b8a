package mn.gov.khur.smsgateway.mt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import mn.gov.khur.smsgateway.webhook.WebhookSigner;

/**
 * The identity provider's signature on {@code POST /mt}: the inbound webhook's scheme (contracts §2) with the
 * outbound secret. The timestamp must be within the tolerance; the comparison is constant-time.
 */
public final class MtSignatureVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final WebhookSigner signer;
    private final Duration tolerance;

    public MtSignatureVerifier(byte[] secret, Duration tolerance) {
        this.signer = new WebhookSigner(secret);
        this.tolerance = tolerance;
    }

    public boolean valid(String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp.strip()).matches()) {
            return false;
        }
        String ts = timestamp.strip();
        if (Math.abs(now.getEpochSecond() - Long.parseLong(ts)) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = signer.sign(ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
