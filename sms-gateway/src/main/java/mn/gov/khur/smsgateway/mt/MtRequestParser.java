package mn.gov.khur.smsgateway.mt;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Strict reading of a {@code POST /mt} body (duplicate keys and trailing data refused, unknown fields ignored).
 * Only Mongolian mobile numbers are accepted as {@code to}, and only the configured short number as {@code from}:
 * a leaked key must not turn the bridge into an SMS gun for any number or any sender id.
 */
public final class MtRequestParser {

    static final int MAX_MESSAGE_ID_LENGTH = 128;
    /** 480 UCS-2 characters = 960 octets, well inside message_payload; a notice is about 110. */
    static final int MAX_TEXT_LENGTH = 480;
    private static final Pattern MONGOLIAN_E164 = Pattern.compile("\\+976[0-9]{8}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String shortNumber;

    public MtRequestParser(String shortNumber) {
        this.shortNumber = shortNumber;
    }

    public MtMessage parse(byte[] body) throws InvalidMtException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new InvalidMtException("body is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMtException("body must be a JSON object");
        }
        String messageId = string(root, "messageId");
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH
                || messageId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidMtException("messageId must be 1.." + MAX_MESSAGE_ID_LENGTH + " printable characters");
        }
        String to = string(root, "to");
        if (!MONGOLIAN_E164.matcher(to).matches()) {
            throw new InvalidMtException("to must be a Mongolian mobile number +976XXXXXXXX");
        }
        String from = string(root, "from");
        if (!shortNumber.equals(from)) {
            throw new InvalidMtException("from must be the short number " + shortNumber);
        }
        String text = string(root, "text");
        if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidMtException("text must be 1.." + MAX_TEXT_LENGTH + " characters");
        }
        return new MtMessage(messageId, to, from, text);
    }

    private static String string(JsonNode root, String field) throws InvalidMtException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidMtException(field + " is required");
        }
        if (!value.isTextual()) {
            throw new InvalidMtException(field + " must be a string");
        }
        return value.textValue();
    }
}
