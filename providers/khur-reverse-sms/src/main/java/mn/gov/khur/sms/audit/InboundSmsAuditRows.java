package mn.gov.khur.sms.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.privacy.Masking;

/** Turns records into rows and back: the only place that decides what of a message is stored. */
final class InboundSmsAuditRows {

    private static final int REASON_LENGTH = 64;
    private static final int REMOTE_ADDR_LENGTH = 64;
    private static final int USER_ID_LENGTH = 255;

    private final AuditHasher hasher;
    private final Supplier<String> ids;

    InboundSmsAuditRows(AuditHasher hasher, Supplier<String> ids) {
        this.hasher = hasher;
        this.ids = ids;
    }

    InboundSmsAuditEntity toEntity(InboundSmsAuditRecord record) {
        InboundSmsAuditEntity row = new InboundSmsAuditEntity();
        row.setId(ids.get());
        row.setRealmId(record.realmId());
        row.setProcessedAt(record.processedAt().toEpochMilli());
        row.setReceivedAt(record.receivedAt() == null ? null : record.receivedAt().toEpochMilli());
        row.setOutcome(record.outcome().wireName());
        row.setReason(truncate(record.reason(), REASON_LENGTH));
        row.setMessageIdHash(record.messageId() == null ? null : AuditHasher.messageIdHash(record.messageId()));
        Optional<MongolianMobileNumber> sender = MongolianMobileNumber.tryParse(record.senderE164());
        if (sender.isPresent()) {
            row.setSenderMasked(sender.get().masked());
            row.setSenderHash(hasher.senderHash(sender.get().e164()));
        } else if (record.senderE164() != null) {
            row.setSenderMasked(Masking.maskMsisdn(record.senderE164())); // never the raw text
        }
        row.setUserId(truncate(record.userId(), USER_ID_LENGTH));
        row.setPurpose(record.purpose() == null ? null : record.purpose().name());
        row.setChallengeToSmsMs(record.challengeToSmsMillis());
        row.setRemoteAddr(truncate(record.remoteAddr(), REMOTE_ADDR_LENGTH));
        return row;
    }

    /** The hash that {@link #toEntity} stores for this phone, or empty if it is not a Mongolian mobile. */
    Optional<String> senderHashOf(String anyForm) {
        return MongolianMobileNumber.tryParse(anyForm).map(number -> hasher.senderHash(number.e164()));
    }

    static InboundSmsAuditEntry toEntry(InboundSmsAuditEntity row) {
        return new InboundSmsAuditEntry(row.getId(), row.getRealmId(), Instant.ofEpochMilli(row.getProcessedAt()),
                row.getReceivedAt() == null ? null : Instant.ofEpochMilli(row.getReceivedAt()),
                InboundSmsOutcome.fromWireName(row.getOutcome()), row.getReason(), row.getMessageIdHash(),
                row.getSenderMasked(), row.getSenderHash(), row.getUserId(), row.getPurpose(), row.getChallengeToSmsMs(),
                row.getRemoteAddr());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
