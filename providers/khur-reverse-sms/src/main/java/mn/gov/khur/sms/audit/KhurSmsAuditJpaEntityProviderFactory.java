package mn.gov.khur.sms.audit;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

/**
 * The inbound-SMS audit table ({@code KHUR_SMS_INBOUND_AUDIT}), its retention purge and its settings
 * ({@link AuditSettings}).
 */
public final class KhurSmsAuditJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "khur-sms-audit";
    private static final Logger LOG = Logger.getLogger(KhurSmsAuditJpaEntityProviderFactory.class);

    private AuditSettings settings = AuditSettings.defaults();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new KhurSmsAuditJpaEntityProvider();
    }

    @Override
    public void init(Config.Scope config) {
        settings = AuditSettings.from(config, System::getenv);
        if (settings.defaultHashKey() && !Environment.isDevMode()) {
            LOG.warnf("No %s configured: inbound SMS audit hashes of phone numbers use a built-in key and are "
                    + "reversible. Set it once and keep it: changing it orphans earlier hashes.", AuditSettings.SENDER_HASH_KEY_ENV);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Scheduled once the database is migrated; the timer's first run is one interval later.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                schedulePurge(migrated.getFactory());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                int deleted = JpaInboundSmsAuditLog.forSession(removed.getKeycloakSession()).purgeRealm(removed.getRealm().getId());
                LOG.debugf("Removed %d inbound SMS audit rows of a deleted realm", deleted);
            }
        });
    }

    private void schedulePurge(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer == null) {
                LOG.warn("No timer provider: inbound SMS audit rows will not be purged");
                return;
            }
            timer.scheduleTask(new InboundSmsAuditPurgeTask(settings.retention()), settings.purgeInterval().toMillis(),
                    InboundSmsAuditPurgeTask.TASK_NAME);
            LOG.debugf("Inbound SMS audit retention %s, purge every %s", settings.retention(), settings.purgeInterval());
        });
    }

    /** Settings in force, for collaborators that need the hash key or the retention. */
    public AuditSettings settings() {
        return settings;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
