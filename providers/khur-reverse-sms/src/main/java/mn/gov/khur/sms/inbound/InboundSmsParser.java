package mn.gov.khur.sms.inbound;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.notice.LoginNoticeText;

/**
 * Strict reading of the contract §2 body. Unknown fields are ignored; duplicate keys and trailing
 * data are refused, so the body this server acts on is the one every other parser would see.
 */
final class InboundSmsParser {

    static final int MAX_MESSAGE_ID_LENGTH = 128;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String shortNumber;

    InboundSmsParser(String shortNumber) {
        this.shortNumber = shortNumber;
    }

    InboundSms parse(byte[] body) throws InvalidInboundSmsException {
        JsonNode root = readObject(body);

        String messageId = requiredString(root, "messageId", null, null);
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw invalid("invalid_message_id", "messageId must be 1.." + MAX_MESSAGE_ID_LENGTH + " characters", null, null);
        }
        if (messageId.chars().anyMatch(Character::isISOControl)) {
            throw invalid("invalid_message_id", "messageId must not contain control characters", null, null);
        }

        String fromText = requiredString(root, "from", messageId, null);
        MongolianMobileNumber from = MongolianMobileNumber.tryParse(fromText).orElseThrow(() -> invalid("invalid_from",
                "from must be a Mongolian mobile number (+976XXXXXXXX, 976XXXXXXXX or 8 digits)", messageId, null));

        String to = requiredString(root, "to", messageId, from);
        if (!shortNumber.equals(to.strip())) {
            throw invalid("invalid_to", "to must be the short number " + shortNumber, messageId, from);
        }

        String text = requiredString(root, "text", messageId, from);
        if (LoginNoticeText.isDenial(text)) {
            // the citizen's "not me" answer to a login notice (threat model §1)
            return new InboundSms(messageId, from, shortNumber, null, receivedAt(root, messageId, from), true);
        }
        String code = SmsCodeExtractor.extract(text).orElseThrow(() -> invalid("invalid_text",
                "text must contain exactly one " + SmsCodeExtractor.CODE_LENGTH + "-digit code", messageId, from));

        return new InboundSms(messageId, from, shortNumber, code, receivedAt(root, messageId, from));
    }

    private static JsonNode readObject(byte[] body) throws InvalidInboundSmsException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw invalid("malformed_json", "body is not well-formed JSON", null, null);
        }
        if (root == null || !root.isObject()) {
            throw invalid("malformed_json", "body must be a JSON object", null, null);
        }
        return root;
    }

    private static String requiredString(JsonNode root, String field, String messageId, MongolianMobileNumber from)
            throws InvalidInboundSmsException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw invalid("missing_" + snake(field), field + " is required", messageId, from);
        }
        if (!value.isTextual()) {
            throw invalid("invalid_" + snake(field), field + " must be a string", messageId, from);
        }
        return value.textValue();
    }

    private static Optional<Instant> receivedAt(JsonNode root, String messageId, MongolianMobileNumber from)
            throws InvalidInboundSmsException {
        JsonNode value = root.get("receivedAt");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            try {
                return Optional.of(OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        throw invalid("invalid_received_at", "receivedAt must be an RFC 3339 date-time with offset", messageId, from);
    }

    private static InvalidInboundSmsException invalid(String reason, String description, String messageId,
                                                      MongolianMobileNumber from) {
        return new InvalidInboundSmsException(reason, description, messageId, from);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
