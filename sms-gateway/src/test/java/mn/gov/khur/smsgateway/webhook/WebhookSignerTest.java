package mn.gov.khur.smsgateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final URI KHUR = URI.create("http://proxy:8081/realms/khur/sms-gateway/inbound");

    @Test
    void matchesAnIndependentlyComputedV2Vector() {
        // printf '1764000000\nPOST\n/realms/khur/sms-gateway/inbound\n%s' '<body>' | openssl dgst -sha256 -hmac 'sandbox-sms-secret'
        byte[] body = ("{\"messageId\":\"mobicom-0001\",\"from\":\"+97699112233\",\"to\":\"130092\","
                + "\"text\":\"482913\",\"receivedAt\":\"2026-11-24T10:15:00Z\"}").getBytes(StandardCharsets.UTF_8);
        WebhookSigner signer = new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8), KHUR);

        assertThat(signer.sign("1764000000", body))
                .isEqualTo("v2=402ffc26dd3912aaf65e62bda553b390b6a8c79d263b03a8774c863b5de31613");
    }

    @Test
    void coversTimestampEveryBodyByteAndTheRealm() {
        WebhookSigner signer = new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8), KHUR);
        String reference = signer.sign("1764000000", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.sign("1764000001", "{}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(reference);
        assertThat(signer.sign("1764000000", "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(reference);
        assertThat(new WebhookSigner("sandbox-sms-secret".getBytes(StandardCharsets.UTF_8),
                URI.create("http://proxy:8081/realms/master/sms-gateway/inbound")).sign("1764000000", "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(reference);
        assertThat(reference).matches("v2=[0-9a-f]{64}");
    }

    @Test
    void theSignedPathIsTheRealmsWebhookWithoutAProxysPrefix() {
        assertThat(WebhookSigner.signedPath(URI.create("https://idp.internal/auth/realms/khur/sms-gateway/inbound")))
                .isEqualTo("/realms/khur/sms-gateway/inbound");
        assertThatThrownBy(() -> WebhookSigner.signedPath(URI.create("https://idp.internal/inbound")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSigner.signedPath(URI.create("https://idp.internal/realms/khur/sms-gateway/inbound/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
