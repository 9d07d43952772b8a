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
 * Contract §2 authentication, {@code X-Khur-Timestamp} (unix seconds, within the tolerance of this server's clock)
 * and {@code X-Khur-Signature} in one of two versions, lower-case hex HMAC-SHA256 with the shared secret over:
 * <ul>
 *   <li>{@code v2=}: {@code <timestamp> "\n" "POST" "\n" "/realms/<realm>/sms-gateway/inbound" "\n" <body>}. The
 *       signature names its target, so a message signed for one realm is refused by every other, even one that
 *       shares the secret.</li>
 *   <li>{@code v1=}: {@code <timestamp> "." <body>}, the contract's first version, which names no realm; accepted
 *       while gateways move to v2 unless switched off ({@code accept-v1}).</li>
 * </ul>
 * Several secrets are tried (rotation); every comparison is constant-time.
 */
final class InboundSignatureVerifier {

    static final String TIMESTAMP_HEADER = "X-Khur-Timestamp";
    static final String SIGNATURE_HEADER = "X-Khur-Signature";
    private static final String V1 = "v1=";
    private static final String V2 = "v2=";
    private static final String HMAC = "HmacSHA256";
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern LOWER_HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final boolean acceptV1;

    InboundSignatureVerifier(List<byte[]> secrets, Duration tolerance, boolean acceptV1) {
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.acceptV1 = acceptV1;
    }

    /** @param realm the name of the realm whose webhook received the request */
    SignatureCheck verify(String realm, String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
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
        boolean v2 = signature.startsWith(V2);
        if (!(v2 || signature.startsWith(V1)) || !LOWER_HEX_SHA256.matcher(signature.substring(V1.length())).matches()) {
            return SignatureCheck.MALFORMED_SIGNATURE;
        }
        if (!v2 && !acceptV1) {
            return SignatureCheck.VERSION_NOT_ACCEPTED;
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(timestamp));
        if (skew > tolerance.toSeconds()) {
            return SignatureCheck.STALE_TIMESTAMP;
        }
        byte[] presented = HexFormat.of().parseHex(signature.substring(V1.length()));
        boolean matches = false;
        for (byte[] secret : secrets) {
            byte[] expected = v2 ? signV2(secret, timestamp, realm, rawBody) : sign(secret, timestamp, rawBody);
            // no early exit: the time taken does not tell which secret matched
            matches |= MessageDigest.isEqual(expected, presented);
        }
        return matches ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    /** The v1 signature a gateway sends, as raw bytes. */
    static byte[] sign(byte[] secret, String timestamp, byte[] rawBody) {
        return hmac(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), rawBody);
    }

    /** The v2 signature a gateway sends for a realm's webhook, as raw bytes. */
    static byte[] signV2(byte[] secret, String timestamp, String realm, byte[] rawBody) {
        return hmac(secret, (timestamp + "\nPOST\n" + signedPath(realm) + "\n").getBytes(StandardCharsets.UTF_8), rawBody);
    }

    /** The path a v2 signature names: the realm's webhook, without any prefix a proxy may add in front of it. */
    static String signedPath(String realm) {
        return "/realms/" + realm + "/sms-gateway/inbound";
    }

    /** The v1 {@value #SIGNATURE_HEADER} value for a body: what gateways and tests compute. */
    static String header(String secret, String timestamp, byte[] rawBody) {
        return V1 + HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8), timestamp, rawBody));
    }

    /** The v2 {@value #SIGNATURE_HEADER} value for a body sent to a realm's webhook. */
    static String headerV2(String secret, String timestamp, String realm, byte[] rawBody) {
        return V2 + HexFormat.of().formatHex(signV2(secret.getBytes(StandardCharsets.UTF_8), timestamp, realm, rawBody));
    }

    private static byte[] hmac(byte[] secret, byte[] head, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update(head);
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
