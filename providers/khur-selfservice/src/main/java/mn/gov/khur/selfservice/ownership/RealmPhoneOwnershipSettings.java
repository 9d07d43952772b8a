package mn.gov.khur.selfservice.ownership;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import mn.gov.khur.identity.settings.InvalidRealmSettingException;
import mn.gov.khur.identity.settings.RealmSettingsCache;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * The lookup settings for a realm: the server's unless an operator saved the realm's {@link PhoneOwnershipTab}, built
 * once per saved configuration and kept per node ({@link RealmSettingsCache}; a vault token is re-read every
 * {@link #VAULT_REFRESH}, so a rotated vault entry is followed without a restart).
 */
final class RealmPhoneOwnershipSettings {

    static final Duration VAULT_REFRESH = RealmSettingsCache.VAULT_REFRESH;
    private static final Logger LOG = Logger.getLogger(RealmPhoneOwnershipSettings.class);

    private final PhoneOwnershipSettings server;
    private final RealmSettingsCache<PhoneOwnershipSettings> byRealm;

    RealmPhoneOwnershipSettings(PhoneOwnershipSettings server, Clock clock) {
        this.server = server;
        this.byRealm = new RealmSettingsCache<>(PhoneOwnershipTab.ID, clock);
    }

    /** @param resolveSecret a stored token to its bytes; called only when the realm's settings are (re)built */
    PhoneOwnershipSettings forRealm(RealmModel realm, Function<String, Optional<byte[]>> resolveSecret) {
        if (realm == null) {
            return server;
        }
        return byRealm.forRealm(realm, (component, previous) -> build(realm, component, resolveSecret)).orElse(server);
    }

    private RealmSettingsCache.Built<PhoneOwnershipSettings> build(RealmModel realm, ComponentModel component,
                                                                   Function<String, Optional<byte[]>> resolveSecret) {
        PhoneOwnershipRealmSettings realmSettings;
        try {
            realmSettings = PhoneOwnershipRealmSettings.parse(component.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            // saved past validation (e.g. a realm import): the server's settings stay in force
            LOG.warnf("Realm %s: phone-ownership settings ignored, server settings apply: %s", realm.getName(), invalid.getMessage());
            return new RealmSettingsCache.Built<>(server, false);
        }
        PhoneOwnershipSettings settings = server.withRealmSettings(realmSettings,
                stored -> resolveSecret.apply(stored).map(bytes -> new String(bytes, StandardCharsets.UTF_8)));
        if (realmSettings.token().isPresent() && !settings.configured()) {
            LOG.warnf("Realm %s: the phone-ownership token's vault entry cannot be read; lookups are unavailable", realm.getName());
        }
        LOG.debugf("Realm %s: phone-ownership lookup %s", realm.getName(), settings);
        return new RealmSettingsCache.Built<>(settings, realmSettings.usesVault());
    }
}
