package mn.gov.khur.sms.audit;

import java.time.Duration;
import java.time.Instant;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.sms.settings.SmsRealmSettings;
import mn.gov.khur.sms.settings.SmsSettingsTab;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes audit rows older than the retention (the server's, or a realm's own from the admin console).
 * Every node schedules it; the cluster lock makes one node at a time do the work (a second run would
 * only find nothing to delete).
 */
final class InboundSmsAuditPurgeTask implements ScheduledTask {

    static final String TASK_NAME = "khur-sms-audit-purge";
    private static final int CLUSTER_LOCK_SECONDS = 600;
    private static final Logger LOG = Logger.getLogger(InboundSmsAuditPurgeTask.class);

    private final Duration retention;

    InboundSmsAuditPurgeTask(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void run(KeycloakSession session) {
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        if (cluster == null) {
            purge(session);
            return;
        }
        cluster.executeIfNotExecuted(TASK_NAME, CLUSTER_LOCK_SECONDS, () -> {
            purge(session);
            return null;
        });
    }

    /** Realm by realm: an operator may have set a realm's own retention in the admin console. */
    private void purge(KeycloakSession session) {
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        JpaInboundSmsAuditLog log = JpaInboundSmsAuditLog.forSession(session);
        session.realms().getRealmsStream().forEach(realm -> {
            Duration realmRetention = retentionOf(realm, retention);
            int deleted = log.purgeRealmOlderThan(realm.getId(), now.minus(realmRetention));
            LOG.debugf("Purged %d inbound SMS audit rows of realm %s older than %s", deleted, realm.getName(), realmRetention);
        });
    }

    /** The realm's saved retention ({@link SmsSettingsTab}), else the server's; an unusable saved value counts as unset. */
    static Duration retentionOf(RealmModel realm, Duration serverRetention) {
        return SmsSettingsTab.component(realm).map(component -> {
            try {
                return retentionOf(SmsRealmSettings.parse(component.getConfig()), serverRetention);
            } catch (InvalidRealmSettingException invalid) {
                LOG.warnf("Realm %s: SMS audit retention setting ignored: %s", realm.getName(), invalid.getMessage());
                return serverRetention;
            }
        }).orElse(serverRetention);
    }

    static Duration retentionOf(SmsRealmSettings realm, Duration serverRetention) {
        return realm.auditRetentionDays().isPresent() ? Duration.ofDays(realm.auditRetentionDays().getAsInt()) : serverRetention;
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
