package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundSmsParserTest {

    private final InboundSmsParser parser = new InboundSmsParser("130092");

    @Test
    void readsTheContractExample() throws Exception {
        InboundSms sms = parser.parse(bytes("""
                {"messageId": "mobicom-0001", "from": "+97699112233", "to": "130092",
                 "text": "482913", "receivedAt": "2026-11-24T10:15:00Z"}"""));

        assertThat(sms.messageId()).isEqualTo("mobicom-0001");
        assertThat(sms.from().e164()).isEqualTo("+97699112233");
        assertThat(sms.to()).isEqualTo("130092");
        assertThat(sms.code()).isEqualTo("482913");
        assertThat(sms.receivedAt()).contains(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(sms.toString()).doesNotContain("99112233").doesNotContain("482913");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+97699112233", "97699112233", "99112233"})
    void acceptsEveryContractSenderForm(String from) throws Exception {
        assertThat(parser.parse(body("m-1", from, "130092", "482913")).from().e164()).isEqualTo("+97699112233");
    }

    @Test
    void receivedAtIsOptionalAndMayCarryAnOffset() throws Exception {
        assertThat(parser.parse(body("m-1", "99112233", "130092", "482913")).receivedAt()).isEmpty();
        assertThat(parser.parse(bytes("{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\","
                + "\"receivedAt\":null}")).receivedAt()).isEmpty();
        assertThat(parser.parse(bytes("{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\","
                + "\"receivedAt\":\"2026-11-24T18:15:00.250+08:00\"}")).receivedAt())
                .contains(Instant.parse("2026-11-24T10:15:00.250Z"));
    }

    @Test
    void ignoresUnknownFields() throws Exception {
        InboundSms sms = parser.parse(bytes("{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\" 482913 \","
                + "\"operator\":\"mobicom\",\"extra\":{\"nested\":[1,2,3]}}"));

        assertThat(sms.code()).isEqualTo("482913");
    }

    @Test
    void acceptsAMessageIdOfExactly128Characters() throws Exception {
        assertThat(parser.parse(body("x".repeat(128), "99112233", "130092", "482913")).messageId()).hasSize(128);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // body | error_description | audit reason
            "`{`| body is not well-formed JSON | malformed_json",
            "`not json`| body is not well-formed JSON | malformed_json",
            "`{\"messageId\":\"m\"} trailing`| body is not well-formed JSON | malformed_json",
            "`{\"messageId\":\"a\",\"messageId\":\"b\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| body is not well-formed JSON | malformed_json",
            "`[1,2]`| body must be a JSON object | malformed_json",
            "`\"482913\"`| body must be a JSON object | malformed_json",
            "`null`| body must be a JSON object | malformed_json",
            "`{\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| messageId is required | missing_message_id",
            "`{\"messageId\":null,\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| messageId is required | missing_message_id",
            "`{\"messageId\":42,\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| messageId must be a string | invalid_message_id",
            "`{\"messageId\":\"\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| messageId must be 1..128 characters | invalid_message_id",
            "`{\"messageId\":\"a\\nb\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}`| messageId must not contain control characters | invalid_message_id",
            "`{\"messageId\":\"m\",\"to\":\"130092\",\"text\":\"482913\"}`| from is required | missing_from",
            "`{\"messageId\":\"m\",\"from\":97699112233,\"to\":\"130092\",\"text\":\"482913\"}`| from must be a string | invalid_from",
            "`{\"messageId\":\"m\",\"from\":\"+79123456789\",\"to\":\"130092\",\"text\":\"482913\"}`| from must be a Mongolian mobile number (+976XXXXXXXX, 976XXXXXXXX or 8 digits) | invalid_from",
            "`{\"messageId\":\"m\",\"from\":\"+97611312345\",\"to\":\"130092\",\"text\":\"482913\"}`| from must be a Mongolian mobile number (+976XXXXXXXX, 976XXXXXXXX or 8 digits) | invalid_from",
            "`{\"messageId\":\"m\",\"from\":\"CALLER\",\"to\":\"130092\",\"text\":\"482913\"}`| from must be a Mongolian mobile number (+976XXXXXXXX, 976XXXXXXXX or 8 digits) | invalid_from",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"text\":\"482913\"}`| to is required | missing_to",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":130092,\"text\":\"482913\"}`| to must be a string | invalid_to",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130093\",\"text\":\"482913\"}`| to must be the short number 130092 | invalid_to",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\"}`| text is required | missing_text",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":482913}`| text must be a string | invalid_text",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"12345\"}`| text must contain exactly one 6-digit code | invalid_text",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"1234567\"}`| text must contain exactly one 6-digit code | invalid_text",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"111111 222222\"}`| text must contain exactly one 6-digit code | invalid_text",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\",\"receivedAt\":\"yesterday\"}`| receivedAt must be an RFC 3339 date-time with offset | invalid_received_at",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\",\"receivedAt\":\"2026-11-24T10:15:00\"}`| receivedAt must be an RFC 3339 date-time with offset | invalid_received_at",
            "`{\"messageId\":\"m\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\",\"receivedAt\":1764000000}`| receivedAt must be an RFC 3339 date-time with offset | invalid_received_at",
    })
    void namesTheBadField(String json, String description, String auditReason) {
        InvalidInboundSmsException invalid = catchThrowableOfType(InvalidInboundSmsException.class,
                () -> parser.parse(bytes(json)));

        assertThat(invalid).as(json).isNotNull();
        assertThat(invalid.getMessage()).isEqualTo(description);
        assertThat(invalid.auditReason()).isEqualTo(auditReason);
    }

    @Test
    void refusesAMessageIdOver128Characters() {
        assertThatThrownBy(() -> parser.parse(body("x".repeat(129), "99112233", "130092", "482913")))
                .hasMessage("messageId must be 1..128 characters");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] latin1 = "{\"messageId\":\"m\u00e9\",\"from\":\"99112233\",\"to\":\"130092\",\"text\":\"482913\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(latin1)).hasMessage("body is not well-formed JSON");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"messageId\":\"m\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

        assertThatThrownBy(() -> parser.parse(bytes(deep))).isInstanceOf(InvalidInboundSmsException.class);
    }

    @Test
    void keepsWhatWasValidBeforeTheBadFieldForTheAudit() {
        InvalidInboundSmsException invalid = catchThrowableOfType(InvalidInboundSmsException.class,
                () -> parser.parse(body("m-9", "99112233", "130092", "hello")));

        assertThat(invalid.messageId()).contains("m-9");
        assertThat(invalid.from()).hasValueSatisfying(from -> assertThat(from.e164()).isEqualTo("+97699112233"));
    }

    @Test
    void neverEchoesTheOffendingValue() {
        InvalidInboundSmsException invalid = catchThrowableOfType(InvalidInboundSmsException.class,
                () -> parser.parse(body("m", "<script>alert(1)</script>", "130092", "482913")));

        assertThat(invalid.getMessage()).doesNotContain("script");
    }

    static byte[] body(String messageId, String from, String to, String text) {
        return bytes("{\"messageId\":\"" + messageId + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"text\":\""
                + text + "\"}");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
