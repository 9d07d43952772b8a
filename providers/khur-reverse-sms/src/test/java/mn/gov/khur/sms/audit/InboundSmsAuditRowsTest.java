package mn.gov.khur.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.inbound.MapConfigScope;

import org.junit.jupiter.api.Test;

class InboundSmsAuditRowsTest {

    private static final Instant PROCESSED = Instant.parse("2026-11-24T10:15:01.500Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final AuditHasher hasher = new AuditHasher("test-key".getBytes(StandardCharsets.UTF_8));
    private final InboundSmsAuditRows rows = new InboundSmsAuditRows(hasher, () -> "id-" + ids.incrementAndGet());

    @Test
    void storesTheSenderOnlyMaskedAndKeyedHashed() {
        InboundSmsAuditEntity row = rows.toEntity(InboundSmsAuditRecord.builder("realm-1", PROCESSED, InboundSmsOutcome.MATCHED)
                .senderE164("+97699112233")
                .messageId("mobicom-0001")
                .receivedAt(Instant.parse("2026-11-24T10:15:00Z"))
                .userId("user-1")
                .purpose(ChallengePurpose.LOGIN)
                .challengeToSmsMillis(25_000L)
                .remoteAddr("10.1.2.3")
                .build());

        assertThat(row.getId()).isEqualTo("id-1");
        assertThat(row.getRealmId()).isEqualTo("realm-1");
        assertThat(row.getProcessedAt()).isEqualTo(PROCESSED.toEpochMilli());
        assertThat(row.getReceivedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z").toEpochMilli());
        assertThat(row.getOutcome()).isEqualTo("matched");
        assertThat(row.getSenderMasked()).isEqualTo("+976 99****33");
        assertThat(row.getSenderHash()).isEqualTo(hasher.senderHash("+97699112233")).hasSize(64).doesNotContain("99112233");
        assertThat(row.getMessageIdHash()).isEqualTo(AuditHasher.messageIdHash("mobicom-0001")).hasSize(64);
        assertThat(row.getUserId()).isEqualTo("user-1");
        assertThat(row.getPurpose()).isEqualTo("LOGIN");
        assertThat(row.getChallengeToSmsMs()).isEqualTo(25_000L);
        assertThat(row.getRemoteAddr()).isEqualTo("10.1.2.3");
    }

    @Test
    void anyFormOfTheNumberFindsTheSameRows() {
        String stored = rows.toEntity(InboundSmsAuditRecord.builder("r", PROCESSED, InboundSmsOutcome.UNMATCHED)
                .senderE164("+97699112233").build()).getSenderHash();

        assertThat(rows.senderHashOf("99112233")).contains(stored);
        assertThat(rows.senderHashOf("976 9911 2233")).contains(stored);
        assertThat(rows.senderHashOf("hello")).isEmpty();
    }

    @Test
    void theHashDependsOnTheKey() {
        AuditHasher other = new AuditHasher("other-key".getBytes(StandardCharsets.UTF_8));

        assertThat(other.senderHash("+97699112233")).isNotEqualTo(hasher.senderHash("+97699112233"));
    }

    @Test
    void rejectedRequestsKeepOnlyWhatIsKnown() {
        InboundSmsAuditEntity row = rows.toEntity(InboundSmsAuditRecord.builder("r", PROCESSED, InboundSmsOutcome.REJECTED_SIGNATURE)
                .reason("mismatch").remoteAddr("x".repeat(100)).build());

        assertThat(row.getSenderMasked()).isNull();
        assertThat(row.getSenderHash()).isNull();
        assertThat(row.getMessageIdHash()).isNull();
        assertThat(row.getReceivedAt()).isNull();
        assertThat(row.getReason()).isEqualTo("mismatch");
        assertThat(row.getRemoteAddr()).hasSize(64);
    }

    @Test
    void roundTripsToTheOperatorView() {
        InboundSmsAuditEntity row = rows.toEntity(InboundSmsAuditRecord.builder("r", PROCESSED, InboundSmsOutcome.DUPLICATE)
                .senderE164("+97699112233").messageId("m").build());

        InboundSmsAuditEntry entry = InboundSmsAuditRows.toEntry(row);

        assertThat(entry.outcome()).isEqualTo(InboundSmsOutcome.DUPLICATE);
        assertThat(entry.processedAt()).isEqualTo(PROCESSED);
        assertThat(entry.senderMasked()).isEqualTo("+976 99****33");
        assertThat(entry.receivedAt()).isNull();
    }

    @Test
    void settingsDefaultToHalfAYearAndPreferTheEnvironmentKey() {
        AuditSettings defaults = AuditSettings.from(new MapConfigScope(Map.of()), name -> null);
        AuditSettings configured = AuditSettings.from(
                new MapConfigScope(Map.of("retention-days", "30", "purge-interval-hours", "1", "sender-hash-key", "cfg")),
                Map.of("KHUR_SMS_AUDIT_HASH_KEY", "env")::get);

        assertThat(defaults.retention()).hasDays(180);
        assertThat(defaults.defaultHashKey()).isTrue();
        assertThat(configured.retention()).hasDays(30);
        assertThat(configured.purgeInterval()).hasHours(1);
        assertThat(configured.senderHashKey()).isEqualTo("env".getBytes(StandardCharsets.UTF_8));
        assertThat(configured.defaultHashKey()).isFalse();
        assertThat(configured.toString()).doesNotContain("env");
    }
}
