package mn.gov.khur.smsgateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void matchesAnIndependentlyComputedVector() {
        // printf '%s' '1764000000.<body>' | openssl dgst -sha256 -hmac 'sandbox-sms-secret'
        byte[] body = ("{\"messageId\":\"mobicom-0001\",\"from\":\"+97699112233\",\"to\":\"130092\","
                + "\"text\":\"482913\",\"receivedAt\":\"2026-11-24T10:15:00Z\"}").getBytes(StandardCharsets.UTF_8);
        WebhookSigner signer = new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(signer.sign("1764000000", body))
                .isEqualTo("v1=81856fb6ef4fbeba18f7995937c32eff8d4332e180ed5a60d1eaacd668482299");
    }

    @Test
    void coversTimestampAndEveryBodyByte() {
        WebhookSigner signer = new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8));
        String reference = signer.sign("1764000000", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.sign("1764000001", "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(reference);
        assertThat(signer.sign("1764000000", "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(reference);
        assertThat(reference).matches("v1=[0-9a-f]{64}");
    }
}
