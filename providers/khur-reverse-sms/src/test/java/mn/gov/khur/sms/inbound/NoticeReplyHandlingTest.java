package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.audit.InboundSmsAuditEntry;
import mn.gov.khur.sms.audit.InboundSmsAuditLog;
import mn.gov.khur.sms.audit.InboundSmsAuditRecord;
import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.InMemorySingleUseObjects;
import mn.gov.khur.sms.challenge.MutableClock;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.challenge.TestRealms;
import mn.gov.khur.sms.notice.DeniedLogin;
import mn.gov.khur.sms.notice.LoginNotices;
import mn.gov.khur.sms.notice.NoticeReplies;
import mn.gov.khur.sms.notice.PendingNotice;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/** The webhook's handling of "0", the reply to a login notice, over the real notice store. */
class NoticeReplyHandlingTest {

    private static final String SECRET = "sandbox-sms-secret";
    private static final MongolianMobileNumber PHONE = MongolianMobileNumber.parse("+97699112233");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:00Z"));
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    private final ReverseSmsChallenges challenges = new ReverseSmsChallenges(store, clock, new SecureRandom());
    private final LoginNotices notices = new LoginNotices(store);
    private final RealmModel realm = TestRealms.realm("realm-khur");
    private final List<InboundSmsAuditRecord> audit = new ArrayList<>();
    private final List<String> wrongCodesOf = new ArrayList<>();
    private final List<String> revokedSessions = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SmsGatewaySettings settings = SmsGatewaySettings.withSecret(SECRET);
    private final SmsGatewayComponents components = new SmsGatewayComponents(settings,
            new InboundSignatureVerifier(settings.secrets(), settings.timestampTolerance(), settings.acceptV1()),
            new InboundSmsParser(settings.shortNumber()),
            new TokenBucketRateLimiter(1000, 1000, () -> 0L), new TokenBucketRateLimiter(1000, 1000, () -> 0L),
            new InboundSmsMetrics(registry), clock);
    /** Takes the notice like the Keycloak one and records which session it would end. */
    private final NoticeReplies replies = (r, phone) -> notices.takeAll(r.getId(), phone).stream().map(n -> {
        revokedSessions.add(n.userSessionId());
        return new DeniedLogin(n.userId(), n.userSessionId(), true);
    }).toList();

    @Test
    void zeroFromTheNoticedPhoneRevokesThatLoginOnce() {
        notices.remember(realm.getId(), PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(post("m-1", "+97699112233", " 0 ")).isEqualTo(GatewayReply.ok("revoked"));
        assertThat(revokedSessions).containsExactly("session-1");
        assertThat(post("m-1", "+97699112233", " 0 ")).as("redelivery").isEqualTo(GatewayReply.ok("duplicate"));
        assertThat(post("m-2", "+97699112233", "0")).as("second 0").isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(revokedSessions).containsExactly("session-1");

        assertThat(audit).extracting(InboundSmsAuditRecord::outcome)
                .containsExactly(InboundSmsOutcome.REVOKED, InboundSmsOutcome.DUPLICATE, InboundSmsOutcome.UNMATCHED);
        assertThat(audit.get(0).userId()).isEqualTo("user-1");
        assertThat(audit.get(0).reason()).isEqualTo("citizen_denied_login");
        assertThat(audit.get(2).reason()).isEqualTo("no_pending_notice");
        assertThat(registry.get(InboundSmsMetrics.MESSAGES).tag("outcome", "revoked").counter().count()).isEqualTo(1);
    }

    @Test
    void zeroRevokesEveryLoginNotifiedToThePhoneAndASecondZeroFindsNothing() {
        notices.remember(realm.getId(), PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));
        clock.advance(Duration.ofMinutes(3));
        notices.remember(realm.getId(), PHONE, new PendingNotice("user-1", "session-2"), Duration.ofHours(24));

        assertThat(post("m-1", "+97699112233", "0")).isEqualTo(GatewayReply.ok("revoked"));
        assertThat(revokedSessions).containsExactly("session-1", "session-2");
        assertThat(post("m-2", "+97699112233", "0")).isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(audit.get(0).userId()).isEqualTo("user-1");
        assertThat(audit.get(0).reason()).isEqualTo("citizen_denied_login");
    }

    @Test
    void zeroFromAnotherPhoneOrAfterTheWindowChangesNothing() {
        notices.remember(realm.getId(), PHONE, new PendingNotice("user-1", "session-1"), Duration.ofHours(24));

        assertThat(post("m-1", "+97688123456", "0")).isEqualTo(GatewayReply.ok("unmatched"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(post("m-2", "+97699112233", "0")).isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(revokedSessions).isEmpty();
    }

    @Test
    void zeroIsNeverAWrongCodeForAPendingChallenge() {
        challenges.issue(realm, PHONE.e164(), ChallengePurpose.LOGIN, "user-1", Duration.ofMinutes(5));

        assertThat(post("m-1", "+97699112233", "0")).isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(wrongCodesOf).isEmpty();
    }

    @Test
    void otherShortRepliesAreStillRefusedAsBefore() {
        assertThat(post("m-1", "+97699112233", "00").status()).isEqualTo(400);
        assertThat(post("m-2", "+97699112233", "0 1").status()).isEqualTo(400);
    }

    private GatewayReply post(String messageId, String from, String text) {
        String body = "{\"messageId\":\"" + messageId + "\",\"from\":\"" + from + "\",\"to\":\"130092\",\"text\":\"" + text + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(clock.instant().getEpochSecond());
        InboundHttpRequest request = new InboundHttpRequest("10.1.2.3", "application/json", Integer.toString(bytes.length),
                ts, InboundSignatureVerifier.header(SECRET, ts, bytes), new ByteArrayInputStream(bytes));
        return new InboundSmsHandler(components, challenges, store, new ListAudit(audit),
                (r, userId) -> wrongCodesOf.add(userId), id -> { }, replies).handle(realm, request);
    }

    private record ListAudit(List<InboundSmsAuditRecord> rows) implements InboundSmsAuditLog {
        @Override
        public void record(InboundSmsAuditRecord record) {
            rows.add(record);
        }

        @Override
        public List<InboundSmsAuditEntry> findBySender(RealmModel realm, String e164, int first, int max) {
            return List.of();
        }

        @Override
        public List<InboundSmsAuditEntry> findByUser(RealmModel realm, String userId, int first, int max) {
            return List.of();
        }
    }

}
