package mn.gov.khur.sms.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.challenge.InMemorySingleUseObjects;
import mn.gov.khur.sms.challenge.MutableClock;

import org.junit.jupiter.api.Test;

class LoginNoticesTest {

    private static final MongolianMobileNumber PHONE = MongolianMobileNumber.parse("+97699112233");
    private static final MongolianMobileNumber OTHER = MongolianMobileNumber.parse("+97688123456");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    private final LoginNotices notices = new LoginNotices(store, clock);

    @Test
    void aNoticeIsTakenOnceByItsPhoneInItsRealm() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", OTHER)).isEmpty();
        assertThat(notices.takeAll("realm-b", PHONE)).isEmpty();
        assertThat(notices.takeAll("realm-a", PHONE)).containsExactly(new PendingNotice("user-1", "session-1"));
        assertThat(notices.takeAll("realm-a", PHONE)).as("single use").isEmpty();
    }

    @Test
    void everyLoginNotifiedToAPhoneIsTakenByOneReplyOldestFirst() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        clock.advance(Duration.ofMinutes(5));
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", PHONE)).extracting(PendingNotice::userSessionId)
                .containsExactly("session-1", "session-2");
        assertThat(notices.takeAll("realm-a", PHONE)).isEmpty();
    }

    @Test
    void aLoginNotifiedAfterAReplyIsTakenByTheNextReply() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        assertThat(notices.takeAll("realm-a", PHONE)).hasSize(1);
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", PHONE)).extracting(PendingNotice::userSessionId).containsExactly("session-2");
    }

    @Test
    void eachNoticeExpiresAfterItsOwnWindow() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        clock.advance(Duration.ofHours(20));
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));
        clock.advance(Duration.ofHours(4));

        assertThat(notices.takeAll("realm-a", PHONE)).extracting(PendingNotice::userSessionId).containsExactly("session-2");
    }

    @Test
    void aReleasedNoticeIsGoneAndItsSlotFree() {
        LoginNotices.Remembered failedLogin = notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"),
                Duration.ofHours(24)).orElseThrow();
        failedLogin.release();
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", PHONE)).extracting(PendingNotice::userSessionId).containsExactly("session-2");
        assertThat(store.keys()).isEmpty();
    }

    @Test
    void aSlotClaimedByALoginStillCommittingIsLeftAlone() {
        // what Keycloak's store holds between the claim (putIfAbsent, at once) and the notice (put, at commit)
        store.putIfAbsent(LoginNotices.key("realm-a", PHONE) + ":0", 3600);
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", PHONE)).extracting(PendingNotice::userSessionId).containsExactly("session-1");
        assertThat(store.keys()).as("the claim stays for its login").hasSize(1);
    }

    @Test
    void beyondEverySlotANewNoticeReplacesTheOldest() {
        for (int i = 0; i < LoginNotices.SLOTS; i++) {
            notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-" + i), Duration.ofHours(24));
            clock.advance(Duration.ofSeconds(1));
        }
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-new"), Duration.ofHours(24));

        assertThat(notices.takeAll("realm-a", PHONE)).hasSize(LoginNotices.SLOTS).extracting(PendingNotice::userSessionId)
                .doesNotContain("session-0").contains("session-1", "session-new").last().isEqualTo("session-new");
    }

    @Test
    void noPhoneNumberIsPartOfAKey() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(store.keys()).singleElement().asString().startsWith("khur-sms:notice:")
                .doesNotContain("99112233").doesNotContain("user-1");
    }
}
