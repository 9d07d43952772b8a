package mn.gov.khur.sms.audit;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes audit rows older than the retention. Every node schedules it; the cluster lock makes one
 * node at a time do the work (a second run would only find nothing to delete).
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

    private void purge(KeycloakSession session) {
        Instant cutoff = Instant.ofEpochMilli(Time.currentTimeMillis()).minus(retention);
        int deleted = JpaInboundSmsAuditLog.forSession(session).purgeOlderThan(cutoff);
        LOG.debugf("Purged %d inbound SMS audit rows older than %s", deleted, cutoff);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
