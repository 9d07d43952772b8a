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
    private final LoginNotices notices = new LoginNotices(store);

    @Test
    void aNoticeIsTakenOnceByItsPhoneInItsRealm() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(notices.take("realm-a", OTHER)).isEmpty();
        assertThat(notices.take("realm-b", PHONE)).isEmpty();
        assertThat(notices.take("realm-a", PHONE)).contains(new PendingNotice("user-1", "session-1"));
        assertThat(notices.take("realm-a", PHONE)).as("single use").isEmpty();
    }

    @Test
    void theLatestLoginFromAPhoneIsTheOneANoticeReplyActsOn() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));

        assertThat(notices.take("realm-a", PHONE)).map(PendingNotice::userSessionId).contains("session-2");
    }

    @Test
    void aNoticeExpiresAfterItsWindow() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        clock.advance(Duration.ofHours(24));

        assertThat(notices.take("realm-a", PHONE)).isEmpty();
    }

    @Test
    void noPhoneNumberIsPartOfAKey() {
        notices.remember("realm-a", PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(store.keys()).singleElement().asString().startsWith("khur-sms:notice:")
                .doesNotContain("99112233").doesNotContain("user-1");
    }
}
