package mn.gov.khur.sms.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes for the audit table. Mongolian mobile numbers are only ~10^8 values, so a plain
 * hash of one is reversible by enumeration; an HMAC with a key kept outside the database is not,
 * and operators holding the number can still find its rows.
 */
public final class AuditHasher {

    private static final String HMAC = "HmacSHA256";
    private final byte[] senderKey;

    public AuditHasher(byte[] senderKey) {
        if (senderKey == null || senderKey.length == 0) {
            throw new IllegalArgumentException("sender hash key must not be empty");
        }
        this.senderKey = senderKey.clone();
    }

    /** HMAC-SHA256 of the canonical E.164 form, lower-case hex. */
    public String senderHash(String e164) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(senderKey, HMAC));
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** SHA-256 of a gateway's message id: ids are not secret, but they are untrusted text. */
    public static String messageIdHash(String messageId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
