package mn.gov.khur.selfservice.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * The wrong passwords one network may spend on one account within a window, cluster-wide in Keycloak's
 * {@link SingleUseObjectProvider}: {@code failures} numbered slots per (realm, network, account), under
 * {@code khur-pwd:sha256(realm|network|account):n} (no address, no register number in a key). Each slot is an entry
 * made with the atomic {@code putIfAbsent} that lives for the window, so the budget refills one failure at a time as
 * each window ends (a sliding window).
 *
 * <p>An attempt {@link #claim claims} a slot before the password is checked, so a burst of parallel requests cannot
 * spend more than the budget; the claim is kept when the password was wrong and {@link Claim#giveBack given back}
 * otherwise.
 */
public final class NetworkFailureBudget {

    private static final String PREFIX = "khur-pwd:";

    private final SingleUseObjectProvider store;
    private final PasswordThrottle throttle;

    public NetworkFailureBudget(SingleUseObjectProvider store, PasswordThrottle throttle) {
        this.store = Objects.requireNonNull(store, "store");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /** One slot of the budget, spent until {@link #giveBack}. */
    public record Claim(SingleUseObjectProvider store, String slotKey) {
        public void giveBack() {
            store.remove(slotKey);
        }
    }

    /** A slot for one more attempt from this network at this account; empty when the budget is spent. */
    public Optional<Claim> claim(String realmId, ClientNetwork network, String account) {
        String base = key(realmId, network, account);
        long lifespan = Math.max(1, throttle.window().toSeconds());
        for (int slot = 0; slot < throttle.failures(); slot++) {
            String slotKey = base + ":" + slot;
            if (store.putIfAbsent(slotKey, lifespan)) {
                return Optional.of(new Claim(store, slotKey));
            }
        }
        return Optional.empty();
    }

    static String key(String realmId, ClientNetwork network, String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realmId + "|" + network.id() + "|" + account).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
