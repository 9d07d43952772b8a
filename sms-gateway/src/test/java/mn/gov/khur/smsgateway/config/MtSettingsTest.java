package mn.gov.khur.smsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MtSettingsTest {

    private static final URI URL = URI.create("http://idp:8080/realms/khur/sms-gateway/inbound");
    private static final byte[] SECRET = "inbound-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MT_SECRET = "outbound-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final List<SmscSettings> SMSCS = List.of(smsc("mobicom", BindMode.RECEIVER), smsc("unitel", BindMode.TRANSCEIVER));

    @Test
    void withoutASecretThereIsNoMt() {
        assertThat(new GatewaySettings(URL, SECRET, "130092", Duration.ofSeconds(5), SMSCS).mtSmsc()).isEmpty();
    }

    @Test
    void theMtOperatorIsTheNamedOneOrTheFirst() {
        assertThat(settings(Optional.empty()).mtSmsc()).map(SmscSettings::operator).contains("mobicom");
        assertThat(settings(Optional.of("unitel")).mtSmsc()).map(SmscSettings::operator).contains("unitel");
        assertThatThrownBy(() -> settings(Optional.of("gmobile"))).hasMessageContaining("names no configured SMSC");
    }

    @Test
    void aShortMtSecretIsRefused() {
        assertThatThrownBy(() -> new GatewaySettings(URL, SECRET, "130092", Duration.ofSeconds(5), SMSCS,
                Optional.of("short".getBytes(StandardCharsets.UTF_8)), Optional.empty()))
                .hasMessageContaining("mt-secret");
    }

    @Test
    void theTransmitterLinkKeepsTheCredentialsUnderItsOwnKey() {
        SmscSettings tx = smsc("mobicom", BindMode.RECEIVER).asTransmitter();
        assertThat(tx.operator()).isEqualTo("mobicom-mt");
        assertThat(tx.bindMode()).isEqualTo(BindMode.TRANSMITTER);
        assertThat(tx.systemId()).isEqualTo("khur");
        assertThat(tx.toString()).doesNotContain("secret1");
    }

    private static GatewaySettings settings(Optional<String> operator) {
        return new GatewaySettings(URL, SECRET, "130092", Duration.ofSeconds(5), SMSCS, Optional.of(MT_SECRET), operator);
    }

    private static SmscSettings smsc(String operator, BindMode mode) {
        return new SmscSettings(operator, "smsc.example", 2775, "khur", "secret1", null, mode, null,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
