package mn.gov.khur.sms.audit;

import java.time.Instant;

/** A stored audit row as operators see it: the phone only masked, identifiers only hashed. */
public record InboundSmsAuditEntry(
        String id,
        String realmId,
        Instant processedAt,
        Instant receivedAt,
        InboundSmsOutcome outcome,
        String reason,
        String messageIdHash,
        String senderMasked,
        String senderHash,
        String userId,
        String purpose,
        Long challengeToSmsMillis,
        String remoteAddr) {
}
