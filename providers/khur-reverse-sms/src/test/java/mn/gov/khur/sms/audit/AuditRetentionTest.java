package mn.gov.khur.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mn.gov.khur.sms.settings.SmsRealmSettings;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    private static final Duration SERVER = Duration.ofDays(180);

    @Test
    void aRealmKeepsTheServerRetentionUnlessItsOperatorSetOne() {
        assertThat(InboundSmsAuditPurgeTask.retentionOf(SmsRealmSettings.NONE, SERVER)).isEqualTo(SERVER);
        assertThat(InboundSmsAuditPurgeTask.retentionOf(
                SmsRealmSettings.parse(Map.of("audit-retention-days", List.of("30"))), SERVER)).isEqualTo(Duration.ofDays(30));
    }
}
