package mn.gov.khur.esign.nonce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The string a citizen's key signs: {@code khur-login/v1 origin-sha256=<b64url> nonce-sha256=<b64url>}.
 * Hashes, not raw values (threat model §4, checklist 13): the key never signs attacker-chosen
 * bytes, and a signature made for one origin cannot be used at another, because the server
 * rebuilds the string from its own origin and the nonce it stored.
 */
public record LoginChallenge(String nonce, String origin) {

    public String dataToSign() {
        return "khur-login/v1 origin-sha256=" + sha256(origin) + " nonce-sha256=" + sha256(nonce);
    }

    /** Base64url SHA-256 of the challenge bytes, for adapters (SIM, cloud) that sign a hash. */
    public byte[] digest() {
        return digest(dataToSign());
    }

    static String sha256(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(value));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
