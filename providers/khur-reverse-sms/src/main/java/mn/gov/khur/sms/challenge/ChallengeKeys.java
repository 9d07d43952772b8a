package mn.gov.khur.sms.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names of the single-use-object entries. Codes and phone numbers never appear in a key in clear:
 * keys show up in cache dumps, metrics and debug logs of the cache layer.
 */
final class ChallengeKeys {

    private static final String PREFIX = "khur-sms:";
    /** 128 bits, base64url without padding. */
    static final Pattern CHALLENGE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ChallengeKeys() {
    }

    /** The pending challenge for (realm, sender, code); also the reservation that keeps a sender's codes distinct. */
    static String pending(String realmId, String msisdnE164, String code) {
        return PREFIX + "pending:" + sha256Hex(realmId + "|" + msisdnE164 + "|" + code);
    }

    /** Status of a challenge by its public id. */
    static String challenge(String challengeId) {
        return PREFIX + "challenge:" + challengeId;
    }

    /** The sender's latest challenge, so a wrong code can be attributed to the account that awaits one. */
    static String sender(String realmId, String msisdnE164) {
        return PREFIX + "sender:" + sha256Hex(realmId + "|" + msisdnE164);
    }

    /** The challenges that showed this code lately (any sender), so the code from another number can be told. */
    static String byCode(String realmId, String code) {
        return PREFIX + "code:" + sha256Hex(realmId + "|" + code);
    }

    /** What the page should tell about an SMS that came but did not complete the challenge. */
    static String feedback(String challengeId) {
        return PREFIX + "feedback:" + challengeId;
    }

    /** Details of a match, removed by the flow when it consumes the match. */
    static String matched(String challengeId) {
        return PREFIX + "matched:" + challengeId;
    }

    /**
     * Set with an immediate {@code putIfAbsent}, while the {@link #matched} entry is written only when
     * the webhook's transaction commits: without it, a poll in between would see "expired".
     */
    static String matchedFlag(String challengeId) {
        return PREFIX + "matched-flag:" + challengeId;
    }

    /** Binds the stored code hash to its challenge, so one entry's hash cannot vouch for another. */
    static String codeHash(String challengeId, String code) {
        return sha256Hex(challengeId + "|" + code);
    }

    static boolean isChallengeId(String candidate) {
        return candidate != null && CHALLENGE_ID.matcher(candidate).matches();
    }

    static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
