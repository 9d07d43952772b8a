package mn.gov.khur.registry.approval;

import mn.gov.khur.registry.retry.RegistryRefresh;
import mn.gov.khur.registry.retry.RegistryRetryTask;
import mn.gov.khur.registry.retry.RetrySettings;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

/** Required action {@code khur-registry-names}; also schedules the retry task on every node (one runs at a time). */
public final class RegistryNamesRequiredActionFactory implements RequiredActionFactory {

    private static final Logger LOG = Logger.getLogger(RegistryNamesRequiredActionFactory.class);

    private RetrySettings retry;
    private RequiredActionProvider action;

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public void init(Config.Scope config) {
        retry = RetrySettings.fromEnvironment();
        action = new RegistryNamesRequiredAction(new RegistryApproval(retry));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                KeycloakModelUtils.runJobInTransaction(migrated.getFactory(), session -> {
                    TimerProvider timer = session.getProvider(TimerProvider.class);
                    if (timer == null) {
                        LOG.warn("No timer provider: registry fetches that failed are retried only by operators");
                        return;
                    }
                    timer.scheduleTask(new RegistryRetryTask(retry), retry.interval().toMillis(), RegistryRetryTask.TASK_NAME);
                    LOG.debugf("Registry retry task every %s, back-off %s..%s, %d attempts", retry.interval(), retry.initial(),
                            retry.max(), retry.maxAttempts());
                });
            }
        });
    }

    @Override
    public String getId() {
        return RegistryRefresh.REQUIRED_ACTION;
    }

    @Override
    public String getDisplayText() {
        return "ХУР state registry: names with the citizen's approval";
    }

    @Override
    public void close() {
    }
}
