package mn.gov.khur.smsgateway.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of {@code POST /realms/{realm}/sms-gateway/inbound} (contracts §2). */
@JsonPropertyOrder({"messageId", "from", "to", "text", "receivedAt"})
public record InboundSms(String messageId, String from, String to, String text, String receivedAt) {
}
