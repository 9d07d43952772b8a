package mn.gov.khur.identity.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * The failed logins (wrong passwords, failed signatures: one budget for both) one network may spend on one account
 * within a window, cluster-wide in Keycloak's
 * {@link SingleUseObjectProvider}: {@code failures} numbered slots per (realm, network, account), under
 * {@code khur-pwd:sha256(realm|network|account):n} (no address, no register number in a key). Each slot is an entry
 * made with the atomic {@code putIfAbsent} that lives for the window, so the budget refills one failure at a time as
 * each window ends (a sliding window).
 *
 * <p>An attempt {@link #admit claims} a slot before its password or signature is checked, so a burst of parallel
 * requests cannot spend more than the budget; the claim is kept when the attempt failed and {@link Claim#giveBack given
 * back} otherwise ({@link Admission#settle}).
 */
public final class NetworkFailureBudget {

    private static final String PREFIX = "khur-pwd:";

    private final SingleUseObjectProvider store;
    private final FailuresPerNetwork limit;

    public NetworkFailureBudget(SingleUseObjectProvider store, FailuresPerNetwork limit) {
        this.store = Objects.requireNonNull(store, "store");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /**
     * The account a budget is kept for: the user the typed register number finds, or else the typed number itself
     * (its Keycloak username), so an unknown register number is budgeted exactly like a known one. Empty when nothing
     * names an account.
     */
    public static Optional<String> account(UserModel user, String username) {
        if (user != null) {
            return Optional.of("id:" + user.getId());
        }
        return username == null || username.isBlank() ? Optional.empty()
                : Optional.of("name:" + username.strip().toLowerCase(Locale.ROOT));
    }

    /** One attempt from {@code network} at {@code account}: unlimited when the budget is off, else a slot or refused. */
    public Admission admit(String realmId, ClientNetwork network, String account) {
        if (!limit.enabled()) {
            return new Admission.Unlimited();
        }
        return claim(realmId, network, account).<Admission>map(Admission.Admitted::new).orElseGet(Admission.Refused::new);
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
        long lifespan = Math.max(1, limit.window().toSeconds());
        for (int slot = 0; slot < limit.failures(); slot++) {
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
