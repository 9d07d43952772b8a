package mn.gov.khur.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

    @Test
    void defaultsToLoopbackAndTheDocumentedPorts() {
        SandboxSettings s = SandboxSettings.from(new Properties(), Map.of());
        assertThat(s.smsc().host()).isEqualTo("127.0.0.1");
        assertThat(s.smsc().port()).isEqualTo(2775);
        assertThat(s.smsc().systemId()).isEqualTo("khur");
        assertThat(s.smsc().password()).isEqualTo("sandbox");
        assertThat(s.httpPort()).isEqualTo(8091);
        assertThat(s.shortNumber()).isEqualTo("130092");
        assertThat(s.isLoopbackOnly()).isTrue();
    }

    @Test
    void systemPropertiesWinOverEnvironment() {
        Properties p = new Properties();
        p.setProperty("sandbox.smsc.port", "12775");
        p.setProperty("SANDBOX_SMSC_PASSWORD", "pw");
        SandboxSettings s = SandboxSettings.from(p, Map.of("SANDBOX_SMSC_PORT", "22775",
                "SANDBOX_SMSC_SYSTEM_ID", "op1", "SANDBOX_HTTP_PORT", "18091", "SANDBOX_SMSC_RETRY_INTERVAL", "750ms"));
        assertThat(s.smsc().port()).isEqualTo(12775);
        assertThat(s.smsc().password()).isEqualTo("pw");
        assertThat(s.smsc().systemId()).isEqualTo("op1");
        assertThat(s.httpPort()).isEqualTo(18091);
        assertThat(s.smsc().retryInterval()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void parsesDurations() {
        assertThat(SandboxSettings.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(SandboxSettings.parseDuration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(SandboxSettings.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> SandboxSettings.parseDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPasswordsLongerThanSmppAllows() {
        Properties p = new Properties();
        p.setProperty("SANDBOX_SMSC_PASSWORD", "123456789");
        assertThatThrownBy(() -> SandboxSettings.from(p, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
