package mn.gov.khur.smsgateway.mt;

import java.util.Map;

/** What {@code POST /mt} answers: always a small JSON object. */
public record MtReply(int status, Map<String, String> body) {

    static MtReply accepted(String messageId, String smscMessageId) {
        return new MtReply(202, Map.of("status", "accepted", "messageId", messageId, "smscMessageId", smscMessageId));
    }

    static MtReply error(int status, String error) {
        return new MtReply(status, Map.of("error", error));
    }

    static MtReply invalid(String description) {
        return new MtReply(400, Map.of("error", "invalid_request", "error_description", description));
    }
}
