package mn.gov.khur.selfservice.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SubscriberStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void aSwapInsideTheHoldCounts() {
        assertThat(new SubscriberStatus(PhoneOwnership.MATCH, NOW.minus(Duration.ofDays(6))).simChangedWithin(WEEK, NOW)).isTrue();
        assertThat(new SubscriberStatus(PhoneOwnership.MATCH, NOW.minusSeconds(1)).simChangedWithin(WEEK, NOW)).isTrue();
    }

    @Test
    void anOldSwapANotReportedOneOrNoHoldDoNot() {
        assertThat(new SubscriberStatus(PhoneOwnership.MATCH, NOW.minus(Duration.ofDays(8))).simChangedWithin(WEEK, NOW)).isFalse();
        assertThat(SubscriberStatus.of(PhoneOwnership.MATCH).simChangedWithin(WEEK, NOW)).isFalse();
        assertThat(new SubscriberStatus(PhoneOwnership.MATCH, NOW.minusSeconds(1)).simChangedWithin(Duration.ZERO, NOW)).isFalse();
    }
}
