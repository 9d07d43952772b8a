package mn.gov.khur.sandbox.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SigningSessionsTest {

    private final SigningSessions sessions = new SigningSessions();

    @Test
    void openGivesAFreshIdForTheSignerAndHash() {
        byte[] hash = {1, 2, 3};
        String id = sessions.open("+97699112233", hash);
        hash[0] = 9;
        assertThat(sessions.open("+97699112233", hash)).isNotEqualTo(id);
        SigningSessions.Session session = sessions.find(id).orElseThrow();
        assertThat(session.signerId()).isEqualTo("+97699112233");
        assertThat(session.hash()).containsExactly(1, 2, 3);
        assertThat(sessions.find("no-such-id")).isEmpty();
    }

    @Test
    void pollsAreCountedFromOne() {
        SigningSessions.Session session = sessions.find(sessions.open("a", new byte[32])).orElseThrow();
        assertThat(session.poll()).isEqualTo(new SigningSessions.Poll(1, false));
        assertThat(session.poll()).isEqualTo(new SigningSessions.Poll(2, false));
    }

    @Test
    void aSessionPastItsLifetimeIsExpired() {
        sessions.lifetime(Duration.ofSeconds(-1));
        assertThat(sessions.find(sessions.open("a", new byte[32])).orElseThrow().poll().expired()).isTrue();
        sessions.lifetime(Duration.ofMinutes(2));
        assertThat(sessions.find(sessions.open("a", new byte[32])).orElseThrow().poll().expired()).isFalse();
    }

    @Test
    void concurrentPollsNeverShareANumber() throws InterruptedException {
        SigningSessions.Session session = sessions.find(sessions.open("a", new byte[32])).orElseThrow();
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 200; i++) {
            pool.execute(() -> numbers.add(session.poll().number()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(numbers).hasSize(200);
    }
}
