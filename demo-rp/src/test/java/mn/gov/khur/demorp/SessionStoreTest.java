package mn.gov.khur.demorp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SessionStoreTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void sessionIdsAreRandomAndUnguessable() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(30), clock);
        String first = store.create().id();
        String second = store.create().id();

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{43}");
        assertThat(store.find(first)).isPresent();
        assertThat(store.find("guess")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void sessionsExpireWhenUnused() {
        SessionStore store = new SessionStore(10, Duration.ofMinutes(30), clock);
        String used = store.create().id();
        String idle = store.create().id();

        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find(used)).isPresent();
        clock.advance(Duration.ofMinutes(20));

        assertThat(store.find(used)).isPresent();
        assertThat(store.find(idle)).isEmpty();
    }

    @Test
    void theStoreIsBoundedAndDropsTheLeastRecentlyUsed() {
        SessionStore store = new SessionStore(3, Duration.ofMinutes(30), clock);
        String a = store.create().id();
        String b = store.create().id();
        String c = store.create().id();
        store.find(a);

        String d = store.create().id();

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(b)).isEmpty();
        assertThat(store.find(a)).isPresent();
        assertThat(store.find(c)).isPresent();
        assertThat(store.find(d)).isPresent();
    }

    @Test
    void aPendingLoginIsUsedOnce() {
        SessionStore store = new SessionStore(3, Duration.ofMinutes(30), clock);
        SessionStore.Session session = store.create();
        session.pendingLogin(new SessionStore.PendingLogin(new com.nimbusds.oauth2.sdk.id.State(),
                new com.nimbusds.openid.connect.sdk.Nonce(), new com.nimbusds.oauth2.sdk.pkce.CodeVerifier(), null));

        assertThat(session.takePendingLogin()).isNotNull();
        assertThat(session.takePendingLogin()).isNull();
    }
}
