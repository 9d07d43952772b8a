package mn.gov.khur.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparisons of secrets (codes, signatures, tokens) that do not leak through timing. */
public final class ConstantTime {

    private ConstantTime() {
    }

    /**
     * Compares the UTF-8 bytes in time that depends only on the length of {@code a} (see
     * {@link MessageDigest#isEqual}), not on where the first difference is. Pass the
     * untrusted value as {@code a} so the timing reveals nothing the caller did not
     * already know. Returns false if either is null, also when both are: a missing secret
     * must never match a missing input.
     */
    public static boolean equals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
