package mn.gov.khur.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import mn.gov.khur.identity.throttle.Admission;
import mn.gov.khur.identity.throttle.NetworkFailureBudget;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * Issue 21 item 3 (the invisible lockout): while Keycloak keeps an account temporarily locked it answers every
 * password like a wrong one, the citizen's right one included, so the citizen never learns why, nor that the bank and
 * the digital signature still let them in. The password step now tells the right password the lock and how long it
 * lasts; every other answer stays the one an unknown register number gets, so a stranger learns nothing about which
 * accounts exist or are locked.
 *
 * <p>Telling the right password means checking a password while the account is locked, which Keycloak never does.
 * So the check is paced the way Keycloak's lock paces guesses once it has started: from the realm's failure factor
 * on, each wrong password locks the account again, so Keycloak checks about one password per lock. Here, once an
 * account has reached the failure factor (locked or not), its password is checked only by the request holding the
 * account's one slot, which lasts as long as the lock one more failure would set. A wrong password keeps the slot and
 * is counted like any wrong password (so Keycloak locks the account again for that long); the right password gives it
 * back; a password that finds the slot taken is answered as Keycloak answers a locked account, unchecked and uncounted.
 * The slot is cluster-wide in Keycloak's single-use store.
 */
final class LockedAccountCheck {

    /** The page attribute: whole minutes the lock still lasts (login.ftl shows {@code #khur-account-locked}). */
    static final String ATTRIBUTE = "khurAccountLockedMinutes";
    static final String REASON_LOCKED = "account_locked";
    static final String REASON_WRONG_PASSWORD = "wrong_password_while_locked";
    static final String REASON_CHECK_SPENT = "account_locked_check_spent";
    private static final String PREFIX = "khur-lock-check:";

    private LockedAccountCheck() {
    }

    /** Before the failure factor, any attempt goes on; from it on, the account's one slot or refused. */
    static Admission admit(AuthenticationFlowContext context, UserModel user) {
        Optional<Duration> slotLife = AccountLock.of(context.getSession(), context.getRealm(), user)
                .relockAfterFailure(AccountLock.Policy.of(context.getRealm()), now());
        if (slotLife.isEmpty()) {
            return new Admission.Unlimited();
        }
        SingleUseObjectProvider store = context.getSession().singleUseObjects();
        String key = PREFIX + context.getRealm().getId() + ":" + user.getId();
        return store.putIfAbsent(key, Math.max(1, slotLife.get().toSeconds()))
                ? new Admission.Admitted(new NetworkFailureBudget.Claim(store, key))
                : new Admission.Refused();
    }

    /** How long Keycloak keeps the account temporarily locked from now; empty if it is not (a permanent lock included). */
    static Optional<Duration> lockedFor(AuthenticationFlowContext context, UserModel user) {
        var protector = context.getProtector();
        if (!context.getRealm().isBruteForceProtected()
                || protector.isPermanentlyLockedOut(context.getSession(), context.getRealm(), user)
                || !protector.isTemporarilyDisabled(context.getSession(), context.getRealm(), user)) {
            return Optional.empty();
        }
        return Optional.of(AccountLock.of(context.getSession(), context.getRealm(), user).remaining(now())
                .orElse(Duration.ofSeconds(1)));
    }

    /** Whole minutes, rounded up: "1 minute" for the last seconds of a lock. */
    static long minutes(Duration lock) {
        return Math.max(1, (lock.toSeconds() + 59) / 60);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis()); // Keycloak's clock, as its brute-force protector uses
    }
}
