package mn.gov.khur.sms.challenge;

import java.time.Duration;
import java.time.Instant;

import org.keycloak.models.RealmModel;

/** The challenge store of the unit tests: a clock to move, an in-memory single-use store, scripted codes, one realm. */
abstract class ChallengeStoreFixture {

    static final String PHONE = "+97699112233";
    static final String OTHER_PHONE = "+97688123456";
    static final String USER = "user-1";
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    final ScriptedRandom random = new ScriptedRandom();
    final ReverseSmsChallenges challenges = new ReverseSmsChallenges(store, clock, random);
    final RealmModel realm = TestRealms.realm("realm-a");
}
