package mn.gov.khur.sms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code KHUR_SMS_INBOUND_AUDIT}; the schema is {@code META-INF/khur-sms-audit-changelog.xml}. */
@Entity(name = "KhurSmsInboundAudit")
@Table(name = "KHUR_SMS_INBOUND_AUDIT")
@NamedQueries({
        @NamedQuery(name = InboundSmsAuditEntity.BY_SENDER,
                query = "select a from KhurSmsInboundAudit a where a.realmId = :realmId and a.senderHash = :senderHash"
                        + " order by a.processedAt desc, a.id"),
        @NamedQuery(name = InboundSmsAuditEntity.BY_USER,
                query = "select a from KhurSmsInboundAudit a where a.realmId = :realmId and a.userId = :userId"
                        + " order by a.processedAt desc, a.id"),
        @NamedQuery(name = InboundSmsAuditEntity.DELETE_REALM_OLDER_THAN,
                query = "delete from KhurSmsInboundAudit a where a.realmId = :realmId and a.processedAt < :cutoff"),
        @NamedQuery(name = InboundSmsAuditEntity.DELETE_REALM,
                query = "delete from KhurSmsInboundAudit a where a.realmId = :realmId")
})
public class InboundSmsAuditEntity {

    static final String BY_SENDER = "khurSmsInboundAuditBySender";
    static final String BY_USER = "khurSmsInboundAuditByUser";
    static final String DELETE_REALM = "khurSmsInboundAuditDeleteRealm";
    static final String DELETE_REALM_OLDER_THAN = "khurSmsInboundAuditDeleteRealmOlderThan";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** Epoch millis the gateway reported, when it did. */
    @Column(name = "RECEIVED_AT")
    private Long receivedAt;

    /** Epoch millis this server handled the request. */
    @Column(name = "PROCESSED_AT", nullable = false)
    private long processedAt;

    @Column(name = "MESSAGE_ID_HASH", length = 64)
    private String messageIdHash;

    @Column(name = "SENDER_MASKED", length = 32)
    private String senderMasked;

    @Column(name = "SENDER_HASH", length = 64)
    private String senderHash;

    @Column(name = "OUTCOME", length = 32, nullable = false)
    private String outcome;

    @Column(name = "REASON", length = 64)
    private String reason;

    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "PURPOSE", length = 32)
    private String purpose;

    @Column(name = "CHALLENGE_TO_SMS_MS")
    private Long challengeToSmsMs;

    @Column(name = "REMOTE_ADDR", length = 64)
    private String remoteAddr;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public Long getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(Long receivedAt) {
        this.receivedAt = receivedAt;
    }

    public long getProcessedAt() {
        return processedAt;
    }

    public void setProcessedAt(long processedAt) {
        this.processedAt = processedAt;
    }

    public String getMessageIdHash() {
        return messageIdHash;
    }

    public void setMessageIdHash(String messageIdHash) {
        this.messageIdHash = messageIdHash;
    }

    public String getSenderMasked() {
        return senderMasked;
    }

    public void setSenderMasked(String senderMasked) {
        this.senderMasked = senderMasked;
    }

    public String getSenderHash() {
        return senderHash;
    }

    public void setSenderHash(String senderHash) {
        this.senderHash = senderHash;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Long getChallengeToSmsMs() {
        return challengeToSmsMs;
    }

    public void setChallengeToSmsMs(Long challengeToSmsMs) {
        this.challengeToSmsMs = challengeToSmsMs;
    }

    public String getRemoteAddr() {
        return remoteAddr;
    }

    public void setRemoteAddr(String remoteAddr) {
        this.remoteAddr = remoteAddr;
    }
}
