package mn.gov.khur.sms.inbound;

import java.util.Map;
import java.util.OptionalLong;

/** What the webhook answers, before it becomes an HTTP response: always a small JSON object. */
record GatewayReply(int status, Map<String, String> body, OptionalLong retryAfterSeconds) {

    static GatewayReply ok(String status) {
        return new GatewayReply(200, Map.of("status", status), OptionalLong.empty());
    }

    /** A pending challenge's status with what the page should tell about an SMS that came but did not count. */
    static GatewayReply pending(String feedback) {
        return new GatewayReply(200, Map.of("status", "pending", "feedback", feedback), OptionalLong.empty());
    }

    static GatewayReply error(int httpStatus, String error) {
        return new GatewayReply(httpStatus, Map.of("error", error), OptionalLong.empty());
    }

    static GatewayReply invalidRequest(String description) {
        return new GatewayReply(400, Map.of("error", "invalid_request", "error_description", description),
                OptionalLong.empty());
    }

    static GatewayReply rateLimited(long retryAfterSeconds) {
        return new GatewayReply(429, Map.of("error", "rate_limited"), OptionalLong.of(retryAfterSeconds));
    }
}
