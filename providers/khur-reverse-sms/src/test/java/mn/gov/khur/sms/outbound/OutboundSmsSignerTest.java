package mn.gov.khur.sms.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OutboundSmsSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256AsLowerCaseHex() {
        // independent vector: printf '1764000000.{"a":1}' | openssl dgst -sha256 -hmac 'outbound-secret-0123456789'
        String signature = new OutboundSmsSigner("outbound-secret-0123456789".getBytes(StandardCharsets.UTF_8))
                .sign("1764000000", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1=" + OutboundSmsSignerTest.VECTOR);
    }

    @Test
    void anEmptySecretIsRefused() {
        assertThatThrownBy(() -> new OutboundSmsSigner(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    static final String VECTOR = "9c622164b69b644fbf16d29e16edbb18e746c96835a91f0efa4e8288314d712a";
}
