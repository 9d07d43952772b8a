package mn.gov.khur.sandbox.xyp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * ХУР's check of the calling organisation: header {@code accessToken} is the organisation's token, header
 * {@code timestamp} (Unix seconds) is within the allowed skew, header {@code signature} is Base64(RSA-SHA256 over
 * {@code accessToken.timestamp}) by the organisation's key, checked with its public key.
 */
final class OrganisationSignature {

    static final Duration MAX_SKEW = Duration.ofMinutes(10);

    private final String accessToken;
    private final PublicKey publicKey;
    private final Clock clock;

    OrganisationSignature(String accessToken, PublicKey publicKey, Clock clock) {
        this.accessToken = accessToken;
        this.publicKey = publicKey;
        this.clock = clock;
    }

    /** Null when the headers prove the organisation; otherwise why not. */
    String refusal(String token, String timestamp, String signature) {
        if (token == null || timestamp == null || signature == null) {
            return "missing accessToken, timestamp or signature header";
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), accessToken.getBytes(StandardCharsets.UTF_8))) {
            return "unknown accessToken";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "timestamp is not Unix seconds";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
            return "stale timestamp";
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(publicKey);
            rsa.update((token + "." + timestamp.strip()).getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature.strip())) ? null : "signature does not verify";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "signature unreadable";
        }
    }
}
