package mn.gov.khur.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import mn.gov.khur.sms.challenge.ChallengePurpose;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

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

    @Test
    void eachSmsUpdatesOneValueInPlaceAndFoldsTheOlderListFormIntoIt() {
        UserModel citizen = mock(UserModel.class);
        AtomicReference<List<String>> stored = new AtomicReference<>(List.of("older 1", "older 2")); // the older list form
        when(citizen.getAttributeStream(CitizenSmsAuditAttribute.NAME)).thenAnswer(call -> stored.get().stream());
        doAnswer(call -> {
            stored.set(List.of(call.<String>getArgument(1)));
            return null;
        }).when(citizen).setSingleAttribute(eq(CitizenSmsAuditAttribute.NAME), anyString());

        CitizenSmsAuditAttribute.write(citizen, "new");

        assertThat(stored.get()).containsExactly("new\nolder 1\nolder 2");
        for (int i = 0; i < 12; i++) {
            CitizenSmsAuditAttribute.write(citizen, "sms " + i);
        }
        assertThat(stored.get()).hasSize(1);
        assertThat(stored.get().get(0).lines().toList()).hasSize(10).startsWith("sms 11", "sms 10").endsWith("sms 2");
        verify(citizen, never()).setAttribute(anyString(), anyList()); // a list is deleted and inserted whole
    }
}
