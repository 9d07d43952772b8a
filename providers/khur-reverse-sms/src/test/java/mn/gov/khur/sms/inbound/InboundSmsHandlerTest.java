package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import mn.gov.khur.sms.audit.InboundSmsAuditEntry;
import mn.gov.khur.sms.audit.InboundSmsAuditLog;
import mn.gov.khur.sms.audit.InboundSmsAuditRecord;
import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.InMemorySingleUseObjects;
import mn.gov.khur.sms.challenge.MatchedChallenge;
import mn.gov.khur.sms.challenge.MutableClock;
import mn.gov.khur.sms.challenge.PendingChallenge;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.challenge.TestRealms;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class InboundSmsHandlerTest {

    private static final String SECRET = "sandbox-sms-secret";
    private static final String PHONE = "+97699112233";
    private static final String USER = "user-1";
    private static final String IP = "10.1.2.3";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:00Z"));
    private final AtomicLong nanos = new AtomicLong();
    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects(clock);
    private final ReverseSmsChallenges challenges = new ReverseSmsChallenges(store, clock, new SecureRandom());
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final List<String> wrongCodesOf = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RealmModel realm = TestRealms.realm("realm-khur");

    private SmsGatewaySettings settings = SmsGatewaySettings.withSecret(SECRET);

    @Test
    void theContractExampleCompletesAPendingLogin() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMinutes(5));
        clock.advance(Duration.ofSeconds(25));

        GatewayReply reply = post(sms("mobicom-0001", "+97699112233", challenge.code()));

        assertThat(reply).isEqualTo(GatewayReply.ok("matched"));
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.MATCHED);
        MatchedChallenge matched = challenges.consumeMatch(challenge.challengeId()).orElseThrow();
        assertThat(matched.messageId()).contains("mobicom-0001");
        assertThat(audit.only()).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InboundSmsOutcome.MATCHED);
            assertThat(row.userId()).isEqualTo(USER);
            assertThat(row.purpose()).isEqualTo(ChallengePurpose.LOGIN);
            assertThat(row.challengeToSmsMillis()).isEqualTo(25_000L);
            assertThat(row.senderE164()).isEqualTo(PHONE);
            assertThat(row.messageId()).isEqualTo("mobicom-0001");
            assertThat(row.receivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
            assertThat(row.remoteAddr()).isEqualTo(IP);
        });
        assertThat(count("matched")).isEqualTo(1);
        assertThat(registry.get(InboundSmsMetrics.CHALLENGE_TO_SMS).tag("purpose", "login").timer().count()).isEqualTo(1);
    }

    @Test
    void aRetriedMessageIsADuplicateWithNoSecondEffect() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMinutes(5));
        String body = sms("mobicom-0001", PHONE, challenge.code());

        assertThat(post(body)).isEqualTo(GatewayReply.ok("matched"));
        assertThat(post(body)).isEqualTo(GatewayReply.ok("duplicate"));

        assertThat(audit.outcomes()).containsExactly(InboundSmsOutcome.MATCHED, InboundSmsOutcome.DUPLICATE);
        assertThat(count("duplicate")).isEqualTo(1);
    }

    @Test
    void theSameCodeUnderANewMessageIdDoesNotMatchTwice() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMinutes(5));

        assertThat(post(sms("m-1", PHONE, challenge.code()))).isEqualTo(GatewayReply.ok("matched"));
        assertThat(post(sms("m-2", PHONE, challenge.code()))).isEqualTo(GatewayReply.ok("unmatched"));
    }

    @Test
    void aWrongCodeFromThePhoneOfAWaitingAccountCountsAgainstIt() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMinutes(5));
        String wrong = challenge.code().equals("000000") ? "000001" : "000000";

        GatewayReply reply = post(sms("m-1", PHONE, wrong));

        assertThat(reply).isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(wrongCodesOf).containsExactly(USER);
        assertThat(audit.only()).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InboundSmsOutcome.UNMATCHED);
            assertThat(row.reason()).isEqualTo("wrong_code");
            assertThat(row.userId()).isEqualTo(USER);
        });
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void aWrongCodeDuringRegistrationHasNoAccountToCountAgainst() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.REGISTRATION, "reg-42", Duration.ofMinutes(5));
        String wrong = challenge.code().equals("000000") ? "000001" : "000000";

        post(sms("m-1", PHONE, wrong));

        assertThat(wrongCodesOf).isEmpty();
        assertThat(audit.only().reason()).isEqualTo("wrong_code");
        assertThat(audit.only().userId()).isNull();
        assertThat(audit.only().purpose()).isEqualTo(ChallengePurpose.REGISTRATION);
    }

    @Test
    void aCodeNobodyWaitsForIsUnmatchedAndAudited() {
        GatewayReply reply = post(sms("m-1", PHONE, "482913"));

        assertThat(reply).isEqualTo(GatewayReply.ok("unmatched"));
        assertThat(wrongCodesOf).isEmpty();
        assertThat(audit.only().reason()).isEqualTo("no_pending_challenge");
        assertThat(count("unmatched")).isEqualTo(1);
    }

    @Test
    void aBadSignatureIs401AndAudited() {
        String body = sms("m-1", PHONE, "482913");
        String ts = now();

        GatewayReply reply = handle(request("application/json", ts, InboundSignatureVerifier.header("wrong", ts, bytes(body)), body));

        assertThat(reply).isEqualTo(GatewayReply.error(401, "invalid_signature"));
        assertThat(audit.only()).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InboundSmsOutcome.REJECTED_SIGNATURE);
            assertThat(row.reason()).isEqualTo("mismatch");
            assertThat(row.senderE164()).isNull(); // an unauthenticated body is not believed
        });
        assertThat(count("rejected_signature")).isEqualTo(1);
    }

    @Test
    void missingHeadersAndStaleTimestampsAre401() {
        String body = sms("m-1", PHONE, "482913");
        String stale = Long.toString(clock.instant().getEpochSecond() - 301);

        assertThat(handle(request("application/json", null, null, body)).status()).isEqualTo(401);
        assertThat(handle(request("application/json", stale, InboundSignatureVerifier.header(SECRET, stale, bytes(body)), body))
                .status()).isEqualTo(401);
        assertThat(audit.rows()).extracting(InboundSmsAuditRecord::reason)
                .containsExactly("missing_timestamp", "stale_timestamp");
    }

    @Test
    void aCallerThatKeepsFailingIsRateLimitedWithoutFillingTheAudit() {
        String body = sms("m-1", PHONE, "482913");
        for (int i = 0; i < 20; i++) {
            assertThat(handle(request("application/json", now(), "v1=" + "0".repeat(64), body)).status()).isEqualTo(401);
        }

        GatewayReply limited = handle(request("application/json", now(), "v1=" + "0".repeat(64), body));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo(Map.of("error", "rate_limited"));
        assertThat(limited.retryAfterSeconds()).hasValue(3);
        assertThat(audit.rows()).hasSize(20);
        assertThat(count("rate_limited")).isEqualTo(1);
    }

    @Test
    void theFailureBudgetOfAnIpNeverBlocksAuthenticMessages() {
        String body = sms("m-1", PHONE, "482913");
        for (int i = 0; i < 25; i++) {
            handle(request("application/json", now(), "v1=" + "0".repeat(64), body));
        }

        assertThat(post(body)).isEqualTo(GatewayReply.ok("unmatched"));
    }

    @Test
    void notJsonIs415() {
        String body = sms("m-1", PHONE, "482913");

        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"}) {
            assertThat(handle(signed(type, body)).status()).as(type).isEqualTo(415);
        }
        assertThat(handle(signed("application/json; charset=UTF-8", body)).status()).isEqualTo(200);
        assertThat(handle(signed("Application/JSON", sms("m-2", PHONE, "482913"))).status()).isEqualTo(200);
        assertThat(audit.rows()).filteredOn(row -> row.outcome() == InboundSmsOutcome.REJECTED_INVALID)
                .extracting(InboundSmsAuditRecord::reason).containsOnly("unsupported_media_type");
    }

    @Test
    void aBodyOverFourKibIs413BeforeItIsParsedOrVerified() {
        String padded = "{\"messageId\":\"m-1\",\"from\":\"" + PHONE + "\",\"to\":\"130092\",\"text\":\"482913\",\"pad\":\""
                + "x".repeat(4096) + "\"}";
        CountingStream stream = new CountingStream(bytes(padded));

        GatewayReply reply = handle(new InboundHttpRequest(IP, "application/json", null, now(),
                InboundSignatureVerifier.header(SECRET, now(), bytes(padded)), stream));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(stream.read).isEqualTo(4097);
        assertThat(audit.only().reason()).isEqualTo("body_too_large");
    }

    @Test
    void aDeclaredLengthOverFourKibIs413WithoutReading() {
        CountingStream stream = new CountingStream(new byte[10]);

        GatewayReply reply = handle(new InboundHttpRequest(IP, "application/json", "1000000", now(), "v1=00", stream));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(stream.read).isZero();
    }

    @Test
    void exactlyFourKibIsAccepted() {
        String prefix = "{\"messageId\":\"m-1\",\"from\":\"" + PHONE + "\",\"to\":\"130092\",\"text\":\"482913\",\"pad\":\"";
        String body = prefix + "x".repeat(4096 - prefix.length() - 2) + "\"}";
        assertThat(bytes(body)).hasSize(4096);

        assertThat(post(body)).isEqualTo(GatewayReply.ok("unmatched"));
    }

    @Test
    void anInvalidBodyIs400NamingTheFieldAndIsAuditedWithWhatWasValid() {
        GatewayReply reply = post("{\"messageId\":\"m-1\",\"from\":\"" + PHONE + "\",\"to\":\"130093\",\"text\":\"482913\"}");

        assertThat(reply).isEqualTo(GatewayReply.invalidRequest("to must be the short number 130092"));
        assertThat(audit.only()).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(InboundSmsOutcome.REJECTED_INVALID);
            assertThat(row.reason()).isEqualTo("invalid_to");
            assertThat(row.senderE164()).isEqualTo(PHONE);
            assertThat(row.messageId()).isEqualTo("m-1");
        });
        assertThat(count("rejected_invalid")).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400() {
        assertThat(post("{\"messageId\":")).isEqualTo(GatewayReply.invalidRequest("body is not well-formed JSON"));
    }

    @Test
    void aSenderFloodIsRateLimitedAndAudited() {
        for (int i = 0; i < 30; i++) {
            assertThat(post(sms("m-" + i, PHONE, "482913")).status()).isEqualTo(200);
        }

        GatewayReply limited = post(sms("m-30", PHONE, "482913"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).hasValue(2);
        assertThat(audit.rows().get(30).outcome()).isEqualTo(InboundSmsOutcome.RATE_LIMITED);
        assertThat(post(sms("m-31", "+97688123456", "482913")).status()).isEqualTo(200);
    }

    @Test
    void withoutASecretTheEndpointIsNotConfigured() {
        settings = new SmsGatewaySettings(List.of(), "130092", Duration.ofSeconds(300), Duration.ofHours(48), 20, 30, false,
                java.util.Set.of("khur"), true);

        GatewayReply reply = post(sms("m-1", PHONE, "482913"));

        assertThat(reply).isEqualTo(GatewayReply.error(503, "not_configured"));
        assertThat(audit.rows()).isEmpty();
        assertThat(count("not_configured")).isEqualTo(1);
    }

    @Test
    void aFaultWhileMatchingLetsTheGatewayRetry() {
        String body = sms("m-1", PHONE, "482913");
        ReverseSmsChallenges failingOnce = new ReverseSmsChallenges(new FailingOnceStore(store), clock, new SecureRandom());
        InboundSmsHandler broken = new InboundSmsHandler(components(), failingOnce, store, audit,
                (r, userId) -> wrongCodesOf.add(userId));

        assertThatThrownBy(() -> broken.handle(realm, signed("application/json", body))).isInstanceOf(IllegalStateException.class);

        assertThat(post(body)).isEqualTo(GatewayReply.ok("unmatched"));
    }

    @Test
    void unreadableBodyIs400() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        GatewayReply reply = handle(new InboundHttpRequest(IP, "application/json", null, now(), "v1=00", failing));

        assertThat(reply).isEqualTo(GatewayReply.invalidRequest("body could not be read"));
    }

    // --- helpers

    private GatewayReply post(String body) {
        return handle(signed("application/json", body));
    }

    private InboundHttpRequest signed(String contentType, String body) {
        String ts = now();
        return request(contentType, ts, InboundSignatureVerifier.header(SECRET, ts, bytes(body)), body);
    }

    private InboundHttpRequest request(String contentType, String ts, String signature, String body) {
        return new InboundHttpRequest(IP, contentType, Integer.toString(bytes(body).length), ts, signature,
                new ByteArrayInputStream(bytes(body)));
    }

    private GatewayReply handle(InboundHttpRequest request) {
        return new InboundSmsHandler(components(), challenges, store, audit, (r, userId) -> wrongCodesOf.add(userId))
                .handle(realm, request);
    }

    private SmsGatewayComponents components() {
        if (components == null || components.settings() != settings) {
            components = new SmsGatewayComponents(settings,
                    new InboundSignatureVerifier(settings.secrets(), settings.timestampTolerance(), settings.acceptV1()),
                    new InboundSmsParser(settings.shortNumber()),
                    new TokenBucketRateLimiter(settings.authFailuresPerMinute(), 1000, nanos::get),
                    new TokenBucketRateLimiter(settings.messagesPerSenderPerMinute(), 1000, nanos::get),
                    new InboundSmsMetrics(registry), clock);
        }
        return components;
    }

    private SmsGatewayComponents components;

    private String now() {
        return Long.toString(clock.instant().getEpochSecond());
    }

    private double count(String outcome) {
        return registry.get(InboundSmsMetrics.MESSAGES).tag("outcome", outcome).counter().count();
    }

    private static String sms(String messageId, String from, String text) {
        return "{\"messageId\":\"" + messageId + "\",\"from\":\"" + from + "\",\"to\":\"130092\",\"text\":\"" + text
                + "\",\"receivedAt\":\"2026-11-24T10:15:00Z\"}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final class RecordingAuditLog implements InboundSmsAuditLog {
        private final List<InboundSmsAuditRecord> rows = new ArrayList<>();

        @Override
        public void record(InboundSmsAuditRecord record) {
            rows.add(record);
        }

        List<InboundSmsAuditRecord> rows() {
            return rows;
        }

        InboundSmsAuditRecord only() {
            assertThat(rows).hasSize(1);
            return rows.get(0);
        }

        List<InboundSmsOutcome> outcomes() {
            return rows.stream().map(InboundSmsAuditRecord::outcome).toList();
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

    private static final class CountingStream extends ByteArrayInputStream {
        private int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }

    /** Delegates, but the first match attempt fails like a cache outage would. */
    private static final class FailingOnceStore implements org.keycloak.models.SingleUseObjectProvider {
        private final org.keycloak.models.SingleUseObjectProvider delegate;
        private boolean failed;

        FailingOnceStore(org.keycloak.models.SingleUseObjectProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            delegate.put(key, lifespanSeconds, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            return delegate.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            if (!failed && key.startsWith("khur-sms:pending:")) {
                failed = true;
                throw new IllegalStateException("cache unavailable");
            }
            return delegate.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return delegate.replace(key, notes);
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return delegate.putIfAbsent(key, lifespanInSeconds);
        }

        @Override
        public boolean contains(String key) {
            return delegate.contains(key);
        }

        @Override
        public void close() {
        }
    }
}
