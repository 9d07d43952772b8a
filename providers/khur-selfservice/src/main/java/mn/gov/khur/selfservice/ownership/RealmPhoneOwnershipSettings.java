package mn.gov.khur.selfservice.ownership;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import mn.gov.khur.sms.settings.InvalidRealmSettingException;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * The lookup settings for a realm: the server's unless an operator saved the realm's {@link PhoneOwnershipTab}.
 * Built once per saved configuration (component id + config hash) and kept per node; a vault token is
 * re-read every {@link #VAULT_REFRESH} so a rotated vault entry is followed without a restart.
 */
final class RealmPhoneOwnershipSettings {

    static final Duration VAULT_REFRESH = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(RealmPhoneOwnershipSettings.class);

    private final PhoneOwnershipSettings server;
    private final Clock clock;
    private final ConcurrentMap<String, Built> byRealm = new ConcurrentHashMap<>();

    private record Built(String componentId, int configHash, Instant builtAt, boolean usesVault, PhoneOwnershipSettings settings) {
    }

    RealmPhoneOwnershipSettings(PhoneOwnershipSettings server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** @param resolveSecret a stored token to its bytes; called only when the realm's settings are (re)built */
    PhoneOwnershipSettings forRealm(RealmModel realm, Function<String, Optional<byte[]>> resolveSecret) {
        if (realm == null) {
            return server;
        }
        Optional<ComponentModel> saved = PhoneOwnershipTab.component(realm);
        if (saved.isEmpty()) {
            byRealm.remove(realm.getId());
            return server;
        }
        ComponentModel component = saved.get();
        int configHash = component.getConfig().hashCode();
        Instant now = clock.instant();
        Built cached = byRealm.get(realm.getId());
        if (cached != null && cached.componentId().equals(component.getId()) && cached.configHash() == configHash
                && !(cached.usesVault() && now.isAfter(cached.builtAt().plus(VAULT_REFRESH)))) {
            return cached.settings();
        }
        Built built = build(realm, component, configHash, now, resolveSecret);
        byRealm.put(realm.getId(), built);
        return built.settings();
    }

    private Built build(RealmModel realm, ComponentModel component, int configHash, Instant now,
                        Function<String, Optional<byte[]>> resolveSecret) {
        PhoneOwnershipRealmSettings realmSettings;
        try {
            realmSettings = PhoneOwnershipRealmSettings.parse(component.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            // saved past validation (e.g. a realm import): the server's settings stay in force
            LOG.warnf("Realm %s: phone-ownership settings ignored, server settings apply: %s", realm.getName(), invalid.getMessage());
            return new Built(component.getId(), configHash, now, false, server);
        }
        PhoneOwnershipSettings settings = server.withRealmSettings(realmSettings,
                stored -> resolveSecret.apply(stored).map(bytes -> new String(bytes, StandardCharsets.UTF_8)));
        if (realmSettings.token().isPresent() && !settings.configured()) {
            LOG.warnf("Realm %s: the phone-ownership token's vault entry cannot be read; lookups are unavailable", realm.getName());
        }
        LOG.debugf("Realm %s: phone-ownership lookup %s", realm.getName(), settings);
        return new Built(component.getId(), configHash, now, realmSettings.usesVault(), settings);
    }
}
