package mn.gov.khur.smsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    private static final URI URL = URI.create("http://localhost:8080/realms/khur/sms-gateway/inbound");
    private static final byte[] SECRET = "sandbox-sms-secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new GatewaySettings(URL, "short".getBytes(StandardCharsets.UTF_8), "130092",
                Duration.ofSeconds(5), List.of())).hasMessageContaining("webhook-secret");
    }

    @Test
    void refusesANonHttpUrlAndABadShortNumber() {
        assertThatThrownBy(() -> new GatewaySettings(URI.create("ftp://x/y"), SECRET, "130092",
                Duration.ofSeconds(5), List.of())).hasMessageContaining("webhook-url");
        assertThatThrownBy(() -> new GatewaySettings(URL, SECRET, "13-00", Duration.ofSeconds(5), List.of()))
                .hasMessageContaining("short-number");
    }

    @Test
    void smscSettingsEnforceSmppLengthsAndKeepSecretsOutOfToString() {
        assertThatThrownBy(() -> smsc("mobicom", "123456789")).hasMessageContaining("password");
        assertThatThrownBy(() -> smsc("Mobi Com", "pw")).hasMessageContaining("SMSC key");
        assertThat(smsc("mobicom", "s3cret").toString()).doesNotContain("s3cret").contains("mobicom");
    }

    private static SmscSettings smsc(String operator, String password) {
        return new SmscSettings(operator, "smsc.example", 2775, "khur", password, null, BindMode.RECEIVER, null,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
