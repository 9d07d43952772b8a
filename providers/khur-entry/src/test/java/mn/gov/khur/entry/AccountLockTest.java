package mn.gov.khur.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The lock one more failure sets, computed the way Keycloak's DefaultBruteForceProtector computes it. */
class AccountLockTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
    /** The realm's numbers (realm-config/khur-realm.json): MULTIPLE, factor 30, 60 s per step, at most 900 s, reset 12 h. */
    private static final AccountLock.Policy KHUR = new AccountLock.Policy(true, true, 30, 60, 900, 43_200);

    @Test
    void beforeTheFailureFactorNoFailureRelocks() {
        assertThat(failures(0).relockAfterFailure(KHUR, NOW)).isEmpty();
        assertThat(failures(29).relockAfterFailure(KHUR, NOW)).as("the 30th failure is Keycloak's first lock").isEmpty();
    }

    @Test
    void fromTheFailureFactorOnEveryFailureRelocksForLonger() {
        assertThat(failures(30).relockAfterFailure(KHUR, NOW)).contains(Duration.ofMinutes(1));
        assertThat(failures(59).relockAfterFailure(KHUR, NOW)).contains(Duration.ofMinutes(2));
        assertThat(failures(1_000).relockAfterFailure(KHUR, NOW)).as("at most maxFailureWait").contains(Duration.ofMinutes(15));
    }

    @Test
    void theLinearStrategyAddsOneIncrementPerFailure() {
        AccountLock.Policy linear = new AccountLock.Policy(true, false, 30, 60, 900, 43_200);
        assertThat(failures(30).relockAfterFailure(linear, NOW)).contains(Duration.ofMinutes(2));
        assertThat(failures(32).relockAfterFailure(linear, NOW)).contains(Duration.ofMinutes(4));
    }

    @Test
    void theCountStartsAgainAfterTheResetTime() {
        AccountLock old = new AccountLock(45, NOW.minus(Duration.ofHours(13)).toEpochMilli(), 0);
        assertThat(old.relockAfterFailure(KHUR, NOW)).isEmpty();
    }

    @Test
    void noTemporaryLocksNothingToPace() {
        AccountLock.Policy permanent = new AccountLock.Policy(false, true, 30, 60, 900, 43_200);
        assertThat(failures(40).relockAfterFailure(permanent, NOW)).isEmpty();
    }

    @Test
    void theRemainingLockAndItsMinutesRoundedUp() {
        AccountLock locked = new AccountLock(30, NOW.toEpochMilli(), NOW.getEpochSecond() + 61);
        assertThat(locked.remaining(NOW)).contains(Duration.ofSeconds(61));
        assertThat(LockedAccountCheck.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(LockedAccountCheck.minutes(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(LockedAccountCheck.minutes(Duration.ofSeconds(900))).isEqualTo(15);
        assertThat(new AccountLock(30, NOW.toEpochMilli(), NOW.getEpochSecond()).remaining(NOW)).isEmpty();
    }

    private static AccountLock failures(int count) {
        return new AccountLock(count, NOW.minusSeconds(10).toEpochMilli(), 0);
    }
}
