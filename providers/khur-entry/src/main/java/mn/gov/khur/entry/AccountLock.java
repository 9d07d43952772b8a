package mn.gov.khur.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Keycloak's temporary lock of one account, read from the account's login-failure record the way
 * {@code DefaultBruteForceProtector} writes it: how many failures count, until when the account is locked, and how
 * long the lock is that one more failure would set.
 */
record AccountLock(int failures, long lastFailureMillis, long lockedUntilEpochSecond) {

    /** The realm's brute-force settings that decide a temporary lock. */
    record Policy(boolean temporaryLocks, boolean multiple, int failureFactor, long waitIncrementSeconds,
                  long maxWaitSeconds, long resetAfterSeconds) {

        static Policy of(RealmModel realm) {
            // permanentLockout with no temporary lockouts disables the account instead: no temporary lock to tell
            boolean temporary = realm.isBruteForceProtected()
                    && !(realm.isPermanentLockout() && realm.getMaxTemporaryLockouts() == 0);
            return new Policy(temporary, realm.getBruteForceStrategy() == RealmRepresentation.BruteForceStrategy.MULTIPLE,
                    realm.getFailureFactor(), realm.getWaitIncrementSeconds(), realm.getMaxFailureWaitSeconds(),
                    realm.getMaxDeltaTimeSeconds());
        }
    }

    static AccountLock of(KeycloakSession session, RealmModel realm, UserModel user) {
        UserLoginFailureModel record = session.loginFailures().getUserLoginFailure(realm, user.getId());
        return record == null ? new AccountLock(0, 0, 0)
                : new AccountLock(record.getNumFailures(), record.getLastFailure(), record.getFailedLoginNotBefore());
    }

    /** How long the account stays locked from {@code now}; empty when it is not locked. */
    Optional<Duration> remaining(Instant now) {
        long seconds = lockedUntilEpochSecond - now.getEpochSecond();
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    /**
     * Once the account has reached the realm's failure factor, every further failure locks it again (both of
     * Keycloak's strategies): the lock that a failure at {@code now} would set. Empty before the failure factor is
     * reached (or when the count would start again, after the realm's reset time without failures).
     */
    Optional<Duration> relockAfterFailure(Policy policy, Instant now) {
        if (!policy.temporaryLocks() || policy.failureFactor() <= 0) {
            return Optional.empty();
        }
        boolean countStartsAgain = lastFailureMillis > 0
                && now.toEpochMilli() - lastFailureMillis > policy.resetAfterSeconds() * 1000L;
        int counted = countStartsAgain ? 0 : failures;
        if (counted < policy.failureFactor()) {
            return Optional.empty();
        }
        long next = counted + 1L;
        long wait = policy.multiple()
                ? policy.waitIncrementSeconds() * (next / policy.failureFactor())
                : policy.waitIncrementSeconds() * (1 + next - policy.failureFactor());
        wait = Math.min(policy.maxWaitSeconds(), wait);
        return wait > 0 ? Optional.of(Duration.ofSeconds(wait)) : Optional.empty();
    }
}
