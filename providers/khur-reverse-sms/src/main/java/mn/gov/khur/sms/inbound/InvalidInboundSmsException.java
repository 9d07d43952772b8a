package mn.gov.khur.sms.inbound;

import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

/**
 * A body that is not a valid inbound SMS. {@link #getMessage()} is the {@code error_description}
 * returned to the gateway (it names the field, never echoes its value); {@link #auditReason()} is
 * the short form stored in the audit row. Fields validated before the bad one are kept for the audit.
 */
final class InvalidInboundSmsException extends Exception {

    private final String auditReason;
    private final String messageId;
    private final MongolianMobileNumber from;

    InvalidInboundSmsException(String auditReason, String description, String messageId, MongolianMobileNumber from) {
        super(description, null, false, false); // no stack trace: this is an expected answer, not a fault
        this.auditReason = auditReason;
        this.messageId = messageId;
        this.from = from;
    }

    String auditReason() {
        return auditReason;
    }

    Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    Optional<MongolianMobileNumber> from() {
        return Optional.ofNullable(from);
    }
}
