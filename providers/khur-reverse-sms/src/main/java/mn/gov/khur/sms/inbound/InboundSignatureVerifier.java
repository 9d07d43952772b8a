package mn.gov.khur.sms.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Contract §2 authentication: {@code X-Khur-Signature: v1=<lower-case hex HMAC-SHA256(secret, ts + "." + body)>}
 * with {@code X-Khur-Timestamp} (unix seconds) within the tolerance of this server's clock.
 * Several secrets are tried (rotation); every comparison is constant-time.
 */
final class InboundSignatureVerifier {

    static final String TIMESTAMP_HEADER = "X-Khur-Timestamp";
    static final String SIGNATURE_HEADER = "X-Khur-Signature";
    private static final String VERSION_PREFIX = "v1=";
    private static final String HMAC = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern LOWER_HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final List<byte[]> secrets;
    private final Duration tolerance;

    InboundSignatureVerifier(List<byte[]> secrets, Duration tolerance) {
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
    }

    SignatureCheck verify(String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return SignatureCheck.MISSING_TIMESTAMP;
        }
        String timestamp = timestampHeader.strip();
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            return SignatureCheck.MALFORMED_TIMESTAMP;
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return SignatureCheck.MISSING_SIGNATURE;
        }
        String signature = signatureHeader.strip();
        if (!signature.startsWith(VERSION_PREFIX)
                || !LOWER_HEX_SHA256.matcher(signature.substring(VERSION_PREFIX.length())).matches()) {
            return SignatureCheck.MALFORMED_SIGNATURE;
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
        if (skew > tolerance.toSeconds()) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        byte[] presented = HexFormat.of().parseHex(signature.substring(VERSION_PREFIX.length()));
        boolean matches = false;
        for (byte[] secret : secrets) {
            // no early exit: the time taken does not tell which secret matched
            matches |= MessageDigest.isEqual(sign(secret, timestamp, rawBody), presented);
        }
        return matches ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** The signature a gateway sends, as raw bytes; see {@link #header}. */
    static byte[] sign(byte[] secret, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** The {@value #SIGNATURE_HEADER} value for a body: what gateways and tests compute. */
    static String header(String secret, String timestamp, byte[] rawBody) {
        return VERSION_PREFIX + HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, rawBody));
    }
}
