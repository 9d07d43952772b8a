package mn.gov.khur.sms.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import mn.gov.khur.sms.settings.InvalidRealmSettingException;
import mn.gov.khur.sms.settings.SmsRealmSettings;
import mn.gov.khur.sms.settings.SmsSettingsTab;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * The webhook's components for a realm: the server's ({@link SmsGatewaySettings}) unless an operator saved
 * the realm's {@link SmsSettingsTab}, then those values on top. Built once per saved configuration and kept
 * per node, keyed by the component's id and a hash of its config, so a request costs one lookup in the
 * cached realm and a hash of a few strings (the webhook is benchmarked at 1000+ messages/s).
 */
final class RealmSmsGateways {

    /** A vault entry may be rotated without touching the component: re-read it this often. */
    static final Duration VAULT_REFRESH = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(RealmSmsGateways.class);

    private final SmsGatewayComponents server;
    private final ConcurrentMap<String, Built> byRealm = new ConcurrentHashMap<>();

    private record Built(String componentId, int configHash, Instant builtAt, boolean usesVault,
                         SmsGatewayComponents components) {
    }

    RealmSmsGateways(SmsGatewayComponents server) {
        this.server = server;
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
            byRealm.remove(realm.getId());
            return Optional.empty();
        }
        return Optional.of(forRealm(realm, resolveSecret));
    }

    /**
     * @param resolveSecret a stored secret (vault reference or literal) to its bytes; called only when
     *                      the realm's settings are (re)built
     */
    SmsGatewayComponents forRealm(RealmModel realm, Function<String, Optional<byte[]>> resolveSecret) {
        Optional<ComponentModel> saved = SmsSettingsTab.component(realm);
        if (saved.isEmpty()) {
            byRealm.remove(realm.getId());
            return server;
        }
        ComponentModel component = saved.get();
        int configHash = component.getConfig().hashCode();
        Instant now = server.clock().instant();
        Built cached = byRealm.get(realm.getId());
        if (cached != null && cached.componentId().equals(component.getId()) && cached.configHash() == configHash
                && !(cached.usesVault() && now.isAfter(cached.builtAt().plus(VAULT_REFRESH)))) {
            return cached.components();
        }
        Built built = build(realm, component, configHash, now, cached, resolveSecret);
        byRealm.put(realm.getId(), built);
        return built.components();
    }

    private Built build(RealmModel realm, ComponentModel component, int configHash, Instant now, Built previous,
                        Function<String, Optional<byte[]>> resolveSecret) {
        SmsRealmSettings realmSettings;
        try {
            realmSettings = SmsRealmSettings.parse(component.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            // saved past validation (e.g. a realm import): the server's settings stay in force
            LOG.warnf("Realm %s: inbound SMS settings ignored, server defaults apply: %s", realm.getName(), invalid.getMessage());
            return new Built(component.getId(), configHash, now, false, server);
        }
        SmsGatewaySettings settings = server.settings().withRealmSettings(realmSettings, resolveSecret);
        if (!settings.secretConfigured()) {
            LOG.warnf("Realm %s: the inbound SMS secret's vault entry cannot be read; the webhook answers 503", realm.getName());
        }
        LOG.debugf("Realm %s: inbound SMS settings %s", realm.getName(), settings);
        SmsGatewayComponents components = server.withSettings(settings,
                limiter(realmSettings.authFailuresPerMinute(), server.authFailuresPerIp(),
                        previous == null ? null : previous.components().authFailuresPerIp()),
                limiter(realmSettings.messagesPerSenderPerMinute(), server.messagesPerSender(),
                        previous == null ? null : previous.components().messagesPerSender()));
        return new Built(component.getId(), configHash, now, realmSettings.usesVault(), components);
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
