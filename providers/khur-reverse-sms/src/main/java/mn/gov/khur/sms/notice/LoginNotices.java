package mn.gov.khur.sms.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.jboss.logging.Logger;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Login notices waiting for a "0", cluster-wide in Keycloak's {@link SingleUseObjectProvider}. Every notice sent to a
 * phone within the window is kept, so a "0" can refuse all of them (an attacker's login is usually not the newest:
 * the citizen logs in again after noticing). The store cannot list keys, so a phone has {@link #SLOTS} numbered keys,
 * {@code khur-sms:notice:sha256(realm|msisdn):n} (no phone number in a key):
 * <ul>
 *   <li>{@link #remember} claims the first free slot with the atomic {@code putIfAbsent} (two logins at once never
 *   share one) and writes the notice into it, which Keycloak's store does when the login's transaction commits;
 *   {@link Remembered#release} frees a claimed slot whose login did not happen;</li>
 *   <li>{@link #takeAll} removes every written notice, each with the atomic {@code remove}, so each acts once even if
 *   two "0"s arrive together; a slot still being written (no notes yet) belongs to a login not yet notified.</li>
 * </ul>
 * With all slots taken (more logins in one window than any citizen makes), a new notice replaces the oldest.
 */
public final class LoginNotices {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** Notices one phone can have pending within the window. */
    public static final int SLOTS = 32;
    private static final String PREFIX = "khur-sms:notice:";
    private static final String USER_ID = "userId";
    private static final String USER_SESSION_ID = "userSessionId";
    private static final String NOTIFIED_AT = "notifiedAt";
    private static final Logger LOG = Logger.getLogger(LoginNotices.class);

    private final SingleUseObjectProvider store;
    private final Clock clock;

    public LoginNotices(SingleUseObjectProvider store) {
        this(store, Clock.systemUTC());
    }

    public LoginNotices(SingleUseObjectProvider store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A notice kept in one slot; {@link #release} undoes it (the login's transaction rolled back). */
    public record Remembered(SingleUseObjectProvider store, String slotKey) {
        public void release() {
            store.remove(slotKey);
        }
    }

    public Optional<Remembered> remember(String realmId, MongolianMobileNumber phone, PendingNotice notice, Duration ttl) {
        long lifespan = Math.max(1, ttl.toSeconds());
        Map<String, String> notes = Map.of(USER_ID, notice.userId(), USER_SESSION_ID, notice.userSessionId(),
                NOTIFIED_AT, Long.toString(clock.millis()));
        String base = key(realmId, phone);
        for (int slot = 0; slot < SLOTS; slot++) {
            String slotKey = base + ":" + slot;
            if (store.putIfAbsent(slotKey, lifespan)) {
                store.put(slotKey, lifespan, notes);
                return Optional.of(new Remembered(store, slotKey));
            }
        }
        Optional<String> oldest = oldestWritten(base);
        if (oldest.isEmpty()) {
            LOG.warnf("No slot for a login notice to %s: every slot is being written", phone.masked());
            return Optional.empty();
        }
        LOG.infof("%d login notices pending for %s: the oldest can no longer be refused", SLOTS, phone.masked());
        store.put(oldest.get(), lifespan, notes);
        return Optional.of(new Remembered(store, oldest.get()));
    }

    /** Every notice pending for this phone, oldest first, removed: each is handed out once. */
    public List<PendingNotice> takeAll(String realmId, MongolianMobileNumber phone) {
        String base = key(realmId, phone);
        List<Written> taken = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            String slotKey = base + ":" + slot;
            if (Written.from(store.get(slotKey)).isPresent()) {
                Written.from(store.remove(slotKey)).ifPresent(taken::add);
            }
        }
        taken.sort((a, b) -> Long.compare(a.notifiedAt(), b.notifiedAt()));
        return taken.stream().map(Written::notice).toList();
    }

    private Optional<String> oldestWritten(String base) {
        String oldest = null;
        long oldestAt = Long.MAX_VALUE;
        for (int slot = 0; slot < SLOTS; slot++) {
            String slotKey = base + ":" + slot;
            Optional<Written> written = Written.from(store.get(slotKey));
            if (written.isPresent() && written.get().notifiedAt() < oldestAt) {
                oldest = slotKey;
                oldestAt = written.get().notifiedAt();
            }
        }
        return Optional.ofNullable(oldest);
    }

    /** A slot's notes once the notice is written (a claimed slot has none yet). */
    private record Written(PendingNotice notice, long notifiedAt) {
        static Optional<Written> from(Map<String, String> notes) {
            if (notes == null || notes.get(USER_ID) == null || notes.get(USER_SESSION_ID) == null) {
                return Optional.empty();
            }
            long at;
            try {
                at = Long.parseLong(notes.getOrDefault(NOTIFIED_AT, "0"));
            } catch (NumberFormatException e) {
                at = 0;
            }
            return Optional.of(new Written(new PendingNotice(notes.get(USER_ID), notes.get(USER_SESSION_ID)), at));
        }
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
