package mn.gov.khur.smsgateway.mt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MtHandlerTest {

    private static final byte[] SECRET = "outbound-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T06:05:00Z"), ZoneOffset.UTC);
    private static final String NOW = Long.toString(CLOCK.instant().getEpochSecond());
    private static final String NOTICE = "{\"messageId\":\"khur-notice-1\",\"to\":\"+97699112233\",\"from\":\"130092\","
            + "\"text\":\"ХУР: 11/24 14:05-д таны бүртгэлээр нэвтэрлээ\"}";

    private final List<MtMessage> submitted = new ArrayList<>();
    private MtSubmitter submitter = message -> {
        submitted.add(message);
        return "smsc-42";
    };

    @Test
    void aSignedNoticeIsSubmittedAndAnswered202() {
        MtReply reply = handle("application/json", NOW, sign(NOW, NOTICE), NOTICE);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).containsEntry("status", "accepted").containsEntry("messageId", "khur-notice-1")
                .containsEntry("smscMessageId", "smsc-42");
        assertThat(submitted).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("+97699112233");
            assertThat(m.from()).isEqualTo("130092");
            assertThat(m.text()).startsWith("ХУР:");
            assertThat(m.toString()).doesNotContain("99112233").doesNotContain("ХУР");
        });
    }

    @Test
    void badSignaturesAreAnswered401AndNothingIsSent() {
        String stale = Long.toString(CLOCK.instant().minus(Duration.ofSeconds(301)).getEpochSecond());
        String otherKey = MtSignatureVerifier.sign("another-secret-0123456789".getBytes(StandardCharsets.UTF_8), NOW,
                NOTICE.getBytes(StandardCharsets.UTF_8));

        assertThat(handle("application/json", NOW, null, NOTICE)).isEqualTo(MtReply.error(401, "invalid_signature"));
        assertThat(handle("application/json", null, sign(NOW, NOTICE), NOTICE).status()).isEqualTo(401);
        assertThat(handle("application/json", NOW, otherKey, NOTICE).status()).isEqualTo(401);
        assertThat(handle("application/json", stale, sign(stale, NOTICE), NOTICE).status()).isEqualTo(401);
        assertThat(handle("application/json", NOW, sign(NOW, NOTICE), NOTICE.replace("130092\",", "130093\",")).status())
                .as("body changed after signing").isEqualTo(401);
        assertThat(submitted).isEmpty();
    }

    @Test
    void mediaTypeAndSizeComeFirst() {
        assertThat(handle("text/plain", NOW, sign(NOW, NOTICE), NOTICE)).isEqualTo(MtReply.error(415, "unsupported_media_type"));
        String big = "x".repeat(MtHandler.MAX_BODY_BYTES + 1);
        assertThat(handle("application/json", NOW, sign(NOW, big), big)).isEqualTo(MtReply.error(413, "payload_too_large"));
        assertThat(submitted).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json | body is not well-formed JSON",
            "[] | body must be a JSON object",
            "{\"to\":\"+97699112233\",\"from\":\"130092\",\"text\":\"t\"} | messageId is required",
            "{\"messageId\":\"\",\"to\":\"+97699112233\",\"from\":\"130092\",\"text\":\"t\"} | messageId must be 1..128 printable characters",
            "{\"messageId\":\"m\",\"to\":\"+15551234567\",\"from\":\"130092\",\"text\":\"t\"} | to must be a Mongolian mobile number +976XXXXXXXX",
            "{\"messageId\":\"m\",\"to\":99112233,\"from\":\"130092\",\"text\":\"t\"} | to must be a string",
            "{\"messageId\":\"m\",\"to\":\"+97699112233\",\"from\":\"BANK\",\"text\":\"t\"} | from must be the short number 130092",
            "{\"messageId\":\"m\",\"to\":\"+97699112233\",\"from\":\"130092\",\"text\":\" \"} | text must be 1..480 characters",
            "{\"messageId\":\"m\",\"messageId\":\"n\",\"to\":\"+97699112233\",\"from\":\"130092\",\"text\":\"t\"} | body is not well-formed JSON",
    })
    void malformedBodiesAreAnswered400WithTheReason(String body, String description) {
        MtReply reply = handle("application/json; charset=utf-8", NOW, sign(NOW, body), body);

        assertThat(reply).isEqualTo(new MtReply(400, Map.of("error", "invalid_request", "error_description", description)));
        assertThat(submitted).isEmpty();
    }

    @Test
    void aTooLongTextIsRefused() {
        String body = NOTICE.replace("ХУР: 11/24 14:05-д таны бүртгэлээр нэвтэрлээ", "я".repeat(481));
        assertThat(handle("application/json", NOW, sign(NOW, body), body).status()).isEqualTo(400);
    }

    @Test
    void smscTroubleIsAnsweredWithoutDetail() {
        submitter = message -> {
            throw new MtSubmitter.SmscUnavailableException("link sandbox-mt not bound");
        };
        assertThat(handle("application/json", NOW, sign(NOW, NOTICE), NOTICE)).isEqualTo(MtReply.error(503, "smsc_unavailable"));

        submitter = message -> {
            throw new MtSubmitter.SmscRejectedException("submit_sm_resp status 0x45");
        };
        assertThat(handle("application/json", NOW, sign(NOW, NOTICE), NOTICE)).isEqualTo(MtReply.error(502, "smsc_rejected"));
    }

    private MtReply handle(String contentType, String timestamp, String signature, String body) {
        return new MtHandler(new MtSignatureVerifier(SECRET, MtSignatureVerifier.DEFAULT_TOLERANCE),
                new MtRequestParser("130092"), submitter, CLOCK)
                .handle(contentType, timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String timestamp, String body) {
        return MtSignatureVerifier.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }
}
