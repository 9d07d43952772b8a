package mn.gov.khur.sms.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** {@link InboundSmsAuditLog} on Keycloak's own database, inside the current session's transaction. */
public final class JpaInboundSmsAuditLog implements InboundSmsAuditLog {

    private static final int MAX_PAGE_SIZE = 1000;

    private final EntityManager em;
    private final InboundSmsAuditRows rows;
    private final Consumer<InboundSmsAuditRecord> alsoOnTheCitizen;

    JpaInboundSmsAuditLog(EntityManager em, AuditHasher hasher, Consumer<InboundSmsAuditRecord> alsoOnTheCitizen) {
        this.em = em;
        this.rows = new InboundSmsAuditRows(hasher, KeycloakModelUtils::generateId);
        this.alsoOnTheCitizen = alsoOnTheCitizen;
    }

    /**
     * The audit log of this session, with the settings of the {@code khur-sms-audit} provider; a row naming a
     * citizen also goes to that citizen's {@link CitizenSmsAuditAttribute} (what the admin console shows).
     */
    public static JpaInboundSmsAuditLog forSession(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return new JpaInboundSmsAuditLog(em, settings(session).hasher(), record -> CitizenSmsAuditAttribute.add(session, record));
    }

    static AuditSettings settings(KeycloakSession session) {
        var factory = session.getKeycloakSessionFactory()
                .getProviderFactory(JpaEntityProvider.class, KhurSmsAuditJpaEntityProviderFactory.ID);
        return factory instanceof KhurSmsAuditJpaEntityProviderFactory audit ? audit.settings() : AuditSettings.defaults();
    }

    @Override
    public void record(InboundSmsAuditRecord record) {
        em.persist(rows.toEntity(record));
        alsoOnTheCitizen.accept(record);
    }

    @Override
    public List<InboundSmsAuditEntry> findBySender(RealmModel realm, String e164, int first, int max) {
        Optional<String> senderHash = rows.senderHashOf(e164);
        if (senderHash.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(InboundSmsAuditEntity.BY_SENDER, InboundSmsAuditEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("senderHash", senderHash.get())
                .setFirstResult(Math.max(0, first))
                .setMaxResults(pageSize(max))
                .getResultStream()
                .map(InboundSmsAuditRows::toEntry)
                .toList();
    }

    @Override
    public List<InboundSmsAuditEntry> findByUser(RealmModel realm, String userId, int first, int max) {
        if (userId == null || userId.isBlank()) {
            return List.of();
        }
        return em.createNamedQuery(InboundSmsAuditEntity.BY_USER, InboundSmsAuditEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(pageSize(max))
                .getResultStream()
                .map(InboundSmsAuditRows::toEntry)
                .toList();
    }

    /** Deletes a realm's rows handled before {@code cutoff} (its own retention); returns how many. */
    public int purgeRealmOlderThan(String realmId, Instant cutoff) {
        return em.createNamedQuery(InboundSmsAuditEntity.DELETE_REALM_OLDER_THAN)
                .setParameter("realmId", realmId)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate();
    }

    /** Deletes every row of a realm (the realm is being removed). */
    public int purgeRealm(String realmId) {
        return em.createNamedQuery(InboundSmsAuditEntity.DELETE_REALM)
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    private static int pageSize(int max) {
        return max <= 0 ? DEFAULT_PAGE_SIZE : Math.min(max, MAX_PAGE_SIZE);
    }
}
