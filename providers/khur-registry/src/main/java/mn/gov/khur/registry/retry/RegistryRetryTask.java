package mn.gov.khur.registry.retry;

import java.time.Instant;
import java.util.List;

import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.account.RegistryAttributes;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The retry with back-off of registry fetches that did not happen. Every node schedules it; the cluster lock lets
 * one node at a time run it. For each account whose {@code pending} state is due it asks the registry whether it
 * answers at all ({@link CitizenRegistry#reachable()}, no citizen data): yes → the citizen's next login asks the
 * approval the registry requires ({@code awaiting_citizen}); no → the next attempt waits longer, until the last
 * attempt leaves the account {@code failed} for operators. It never fetches without the citizen's approval.
 */
public final class RegistryRetryTask implements ScheduledTask {

    public static final String TASK_NAME = "khur-registry-retry";
    private static final int CLUSTER_LOCK_SECONDS = 300;
    private static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(RegistryRetryTask.class);

    private final RetrySettings settings;

    public RegistryRetryTask(RetrySettings settings) {
        this.settings = settings;
    }

    @Override
    public void run(KeycloakSession session) {
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        if (cluster == null) {
            retryDue(session);
            return;
        }
        cluster.executeIfNotExecuted(TASK_NAME, CLUSTER_LOCK_SECONDS, () -> {
            retryDue(session);
            return null;
        });
    }

    private void retryDue(KeycloakSession session) {
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        session.realms().getRealmsStream().toList().forEach(realm -> retryDue(session, realm, now));
    }

    void retryDue(KeycloakSession session, RealmModel realm, Instant now) {
        session.getContext().setRealm(realm); // user lookups and the registry's vault credentials are per realm
        List<UserModel> due = session.users()
                .searchForUserByUserAttributeStream(realm, RegistryAttributes.STATE, RegistryRefresh.State.PENDING.value())
                .filter(user -> RegistryRefresh.nextAttempt(user).map(next -> !next.isAfter(now)).orElse(true))
                .limit(BATCH).toList();
        if (due.isEmpty()) {
            return;
        }
        CitizenRegistry registry = session.getProvider(CitizenRegistry.class);
        boolean reachable = registry != null && registry.configured() && registry.reachable();
        for (UserModel user : due) {
            if (reachable) {
                RegistryRefresh.awaitCitizen(user, "registry_reachable");
            } else {
                RegistryRefresh.attemptFailed(user, "unavailable", now, settings);
            }
        }
        LOG.infof("Registry retry, realm %s: %d due, registry %s", realm.getName(), due.size(),
                reachable ? "answers: approval asked at the next login" : "still unavailable: waiting longer");
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
