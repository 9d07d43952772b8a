package mn.gov.khur.sms.inbound;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.identity.settings.RealmSettingsCache;
import mn.gov.khur.sms.settings.SmsRealmSettings;
import mn.gov.khur.sms.settings.SmsSettingsTab;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * The webhook's components for a realm: the server's ({@link SmsGatewaySettings}) unless an operator saved
 * the realm's {@link SmsSettingsTab}, then those values on top, built once per saved configuration and kept per node
 * ({@link RealmSettingsCache}: the webhook is benchmarked at 1000+ messages/s).
 */
final class RealmSmsGateways {

    /** A vault entry may be rotated without touching the component: re-read it this often. */
    static final Duration VAULT_REFRESH = RealmSettingsCache.VAULT_REFRESH;
    private static final Logger LOG = Logger.getLogger(RealmSmsGateways.class);

    private final SmsGatewayComponents server;
    private final RealmSettingsCache<SmsGatewayComponents> byRealm;

    RealmSmsGateways(SmsGatewayComponents server) {
        this.server = server;
        this.byRealm = new RealmSettingsCache<>(SmsSettingsTab.ID, server.clock());
    }

    /** The server's components: settings from the environment/SPI options, shared by realms without a tab. */
    SmsGatewayComponents server() {
        return server;
    }

    /**
     * The realm's SMS gateway, if it has one: a saved {@link SmsSettingsTab}, or a name listed in the server's
     * {@code realms}. Other realms (master, the banks' sandbox realms, any new one) have none, so no request
     * signed for another realm can do anything there.
     */
    Optional<SmsGatewayComponents> ofRealm(RealmModel realm, Function<String, Optional<byte[]>> resolveSecret) {
        if (SmsSettingsTab.component(realm).isEmpty() && !server.settings().serves(realm.getName())) {
            byRealm.forget(realm);
            return Optional.empty();
        }
        return Optional.of(forRealm(realm, resolveSecret));
    }

    /**
     * @param resolveSecret a stored secret (vault reference or literal) to its bytes; called only when
     *                      the realm's settings are (re)built
     */
    SmsGatewayComponents forRealm(RealmModel realm, Function<String, Optional<byte[]>> resolveSecret) {
        return byRealm.forRealm(realm, (component, previous) -> build(realm, component, previous, resolveSecret))
                .orElse(server);
    }

    private RealmSettingsCache.Built<SmsGatewayComponents> build(RealmModel realm, ComponentModel component,
                                                                 SmsGatewayComponents previous,
                                                                 Function<String, Optional<byte[]>> resolveSecret) {
        SmsRealmSettings realmSettings;
        try {
            realmSettings = SmsRealmSettings.parse(component.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            // saved past validation (e.g. a realm import): the server's settings stay in force
            LOG.warnf("Realm %s: inbound SMS settings ignored, server defaults apply: %s", realm.getName(), invalid.getMessage());
            return new RealmSettingsCache.Built<>(server, false);
        }
        SmsGatewaySettings settings = server.settings().withRealmSettings(realmSettings, resolveSecret);
        if (!settings.secretConfigured()) {
            LOG.warnf("Realm %s: the inbound SMS secret's vault entry cannot be read; the webhook answers 503", realm.getName());
        }
        LOG.debugf("Realm %s: inbound SMS settings %s", realm.getName(), settings);
        SmsGatewayComponents components = server.withSettings(settings,
                limiter(realmSettings.authFailuresPerMinute(), server.authFailuresPerIp(),
                        previous == null ? null : previous.authFailuresPerIp()),
                limiter(realmSettings.messagesPerSenderPerMinute(), server.messagesPerSender(),
                        previous == null ? null : previous.messagesPerSender()));
        return new RealmSettingsCache.Built<>(components, realmSettings.usesVault());
    }

    /**
     * The server's buckets when the realm keeps the server's limit; the realm's previous buckets when its
     * limit did not change (a reload for another field must not hand out a fresh budget); else new ones.
     */
    private TokenBucketRateLimiter limiter(OptionalInt realmLimit, TokenBucketRateLimiter serverLimiter,
                                           TokenBucketRateLimiter previousLimiter) {
        if (realmLimit.isEmpty()) {
            return serverLimiter;
        }
        if (previousLimiter != null && previousLimiter != serverLimiter
                && previousLimiter.permitsPerMinute() == realmLimit.getAsInt()) {
            return previousLimiter;
        }
        return new TokenBucketRateLimiter(realmLimit.getAsInt(), SmsGatewayComponents.MAX_TRACKED_KEYS);
    }
}
