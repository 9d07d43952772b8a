package mn.gov.khur.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import mn.gov.khur.sms.challenge.ChallengePurpose;

import org.junit.jupiter.api.Test;

class CitizenSmsAuditAttributeTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:03.456Z");

    @Test
    void aLineSaysWhenWhatWhyAndFromWhichPhoneMaskedNeverTheText() {
        InboundSmsAuditRecord matched = InboundSmsAuditRecord.builder("realm", AT, InboundSmsOutcome.MATCHED)
                .senderE164("+97699112233").userId("u1").purpose(ChallengePurpose.LOGIN).messageId("m1").build();
        InboundSmsAuditRecord wrong = InboundSmsAuditRecord.builder("realm", AT, InboundSmsOutcome.UNMATCHED)
                .reason("wrong_code").senderE164("+97699112233").userId("u1").purpose(ChallengePurpose.PHONE_CHANGE).build();

        assertThat(CitizenSmsAuditAttribute.line(matched)).isEqualTo("2026-11-24 10:15:03 UTC · matched · login · +976 99****33");
        assertThat(CitizenSmsAuditAttribute.line(wrong))
                .isEqualTo("2026-11-24 10:15:03 UTC · unmatched (wrong_code) · phone-change · +976 99****33");
    }

    @Test
    void keepsTheNewestTenNewestFirst() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "old " + i).toList();

        List<String> kept = CitizenSmsAuditAttribute.prepend(ten, "new");

        assertThat(kept).hasSize(10).startsWith("new", "old 1").endsWith("old 9");
        assertThat(CitizenSmsAuditAttribute.prepend(List.of(), "first")).containsExactly("first");
    }
}
