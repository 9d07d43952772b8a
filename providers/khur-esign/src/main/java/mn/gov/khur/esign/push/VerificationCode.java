package mn.gov.khur.esign.push;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 4-digit code shown on the login page and in the text on the citizen's phone, derived from
 * the hash being signed (as Smart-ID does: the last two bytes of SHA-256 of the hash, mod 10000).
 * A push whose code differs from the page's was not started by this page: the citizen declines it.
 */
public final class VerificationCode {

    private VerificationCode() {
    }

    public static String of(byte[] hashToSign) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashToSign);
            int value = ((digest[digest.length - 2] & 0xff) << 8) | (digest[digest.length - 1] & 0xff);
            return String.format("%04d", value % 10000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
