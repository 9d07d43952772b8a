package mn.gov.khur.sms.audit;

import java.util.List;

import org.keycloak.models.RealmModel;

/** Durable record of every inbound SMS request, written in the request's own transaction. */
public interface InboundSmsAuditLog {

    int DEFAULT_PAGE_SIZE = 100;

    void record(InboundSmsAuditRecord record);

    /** Newest first; {@code e164} in any accepted MSISDN form; empty for a number that is not a Mongolian mobile. */
    List<InboundSmsAuditEntry> findBySender(RealmModel realm, String e164, int first, int max);

    /** Newest first. */
    List<InboundSmsAuditEntry> findByUser(RealmModel realm, String userId, int first, int max);

    default List<InboundSmsAuditEntry> findBySender(RealmModel realm, String e164) {
        return findBySender(realm, e164, 0, DEFAULT_PAGE_SIZE);
    }

    default List<InboundSmsAuditEntry> findByUser(RealmModel realm, String userId) {
        return findByUser(realm, userId, 0, DEFAULT_PAGE_SIZE);
    }
}
