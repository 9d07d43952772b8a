package mn.gov.khur.sms.audit;

import java.time.Instant;
import java.util.Objects;

import mn.gov.khur.sms.challenge.ChallengePurpose;

/**
 * One inbound SMS request as the webhook saw it. Holds the phone number and message id in clear;
 * {@link InboundSmsAuditLog} stores only a mask and keyed hashes of them.
 */
public record InboundSmsAuditRecord(
        String realmId,
        Instant processedAt,
        InboundSmsOutcome outcome,
        String reason,
        Instant receivedAt,
        String messageId,
        String senderE164,
        String userId,
        ChallengePurpose purpose,
        Long challengeToSmsMillis,
        String remoteAddr) {

    public InboundSmsAuditRecord {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(processedAt, "processedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Builder builder(String realmId, Instant processedAt, InboundSmsOutcome outcome) {
        return new Builder(realmId, processedAt, outcome);
    }

    /** Most fields are known only on some paths; the builder keeps call sites readable. */
    public static final class Builder {
        private final String realmId;
        private final Instant processedAt;
        private final InboundSmsOutcome outcome;
        private String reason;
        private Instant receivedAt;
        private String messageId;
        private String senderE164;
        private String userId;
        private ChallengePurpose purpose;
        private Long challengeToSmsMillis;
        private String remoteAddr;

        private Builder(String realmId, Instant processedAt, InboundSmsOutcome outcome) {
            this.realmId = realmId;
            this.processedAt = processedAt;
            this.outcome = outcome;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        public Builder senderE164(String value) {
            this.senderE164 = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder purpose(ChallengePurpose value) {
            this.purpose = value;
            return this;
        }

        public Builder challengeToSmsMillis(Long value) {
            this.challengeToSmsMillis = value;
            return this;
        }

        public Builder remoteAddr(String value) {
            this.remoteAddr = value;
            return this;
        }

        public InboundSmsAuditRecord build() {
            return new InboundSmsAuditRecord(realmId, processedAt, outcome, reason, receivedAt, messageId, senderE164,
                    userId, purpose, challengeToSmsMillis, remoteAddr);
        }
    }
}
