package mn.gov.khur.sandbox.signer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 4-digit verification code a signing app works out from the hash it is asked to sign, as Smart-ID does
 * (the last two bytes of SHA-256 of the hash, mod 10000). The identity provider derives the code on its page the
 * same way ({@code mn.gov.khur.esign.push.VerificationCode}); the sandbox computes it on its own, from what it
 * received, so a tester comparing the two compares two independent results.
 */
public final class PhoneSideCode {

    private PhoneSideCode() {
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
