package mn.gov.khur.sms.inbound;

import java.time.Clock;

import io.micrometer.core.instrument.Metrics;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/sms-gateway}: the inbound SMS webhook and the challenge status poll.
 * Holds the node-local rate-limit buckets and the meters; settings are {@link SmsGatewaySettings}, per realm
 * overridden from the admin console ({@link RealmSmsGateways}).
 */
public final class SmsGatewayResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "sms-gateway";
    private static final Logger LOG = Logger.getLogger(SmsGatewayResourceProviderFactory.class);

    private RealmSmsGateways gateways;
    private StatusWaitSettings statusWait;
    private volatile StatusLongPoll longPoll;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new SmsGatewayResourceProvider(session, gateways, longPoll);
    }

    @Override
    public void init(Config.Scope config) {
        // start-dev sets kc.profile=dev, which is what Environment.isDevMode() reads
        SmsGatewaySettings settings = SmsGatewaySettings.from(config, System::getenv, Environment.isDevMode());
        mn.gov.khur.sms.challenge.ChallengeMetrics.register(io.micrometer.core.instrument.Metrics.globalRegistry);
        if (settings.usingDevSecret()) {
            LOG.warnf("Inbound SMS webhook uses the sandbox secret (dev mode). Set %s outside development.",
                    SmsGatewaySettings.SECRET_ENV);
        } else if (!settings.secretConfigured()) {
            LOG.warnf("Inbound SMS webhook answers 503 until %s is set.", SmsGatewaySettings.SECRET_ENV);
        } // a short secret is refused by SmsGatewaySettings (warned about in dev mode)
        LOG.debugf("Inbound SMS webhook settings: %s", settings);
        // realms whose operators saved the admin-console tab get their own values on top (RealmSmsGateways)
        gateways = new RealmSmsGateways(SmsGatewayComponents.create(settings, Metrics.globalRegistry, Clock.systemUTC()));
        statusWait = StatusWaitSettings.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        longPoll = new StatusLongPoll(statusWait, factory, Clock.systemUTC(), Metrics.globalRegistry);
    }

    @Override
    public void close() {
        if (longPoll != null) {
            longPoll.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
