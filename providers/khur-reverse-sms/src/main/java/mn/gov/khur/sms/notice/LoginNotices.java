package mn.gov.khur.sms.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Login notices waiting for a "0", cluster-wide in Keycloak's {@link SingleUseObjectProvider}: one entry per
 * (realm, phone), {@code khur-sms:notice:sha256(realm|msisdn)} (no phone number in a key), holding the user id and
 * the user session id; a newer login from the same phone replaces it. {@link #take} is the atomic {@code remove}, so
 * a "0" acts once. {@code put} is written when the login's transaction commits: no notice for a login that failed.
 */
public final class LoginNotices {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    private static final String PREFIX = "khur-sms:notice:";
    private static final String USER_ID = "userId";
    private static final String USER_SESSION_ID = "userSessionId";

    private final SingleUseObjectProvider store;

    public LoginNotices(SingleUseObjectProvider store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public void remember(String realmId, MongolianMobileNumber phone, PendingNotice notice, Duration ttl) {
        store.put(key(realmId, phone), Math.max(1, ttl.toSeconds()),
                Map.of(USER_ID, notice.userId(), USER_SESSION_ID, notice.userSessionId()));
    }

    /** The pending notice for this phone, removed: single use. */
    public Optional<PendingNotice> take(String realmId, MongolianMobileNumber phone) {
        Map<String, String> notes = store.remove(key(realmId, phone));
        if (notes == null || notes.get(USER_ID) == null || notes.get(USER_SESSION_ID) == null) {
            return Optional.empty();
        }
        return Optional.of(new PendingNotice(notes.get(USER_ID), notes.get(USER_SESSION_ID)));
    }

    static String key(String realmId, MongolianMobileNumber phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realmId + "|" + phone.e164()).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
