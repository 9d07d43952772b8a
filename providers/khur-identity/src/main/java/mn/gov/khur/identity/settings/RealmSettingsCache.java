package mn.gov.khur.identity.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

/**
 * What a runtime builds from a realm's saved admin-console tab ({@link RealmSettingsTab}), kept per node: built once
 * per saved configuration (the component's id and a hash of its config, so a request costs one lookup in the cached
 * realm and a hash of a few strings) and rebuilt when an operator saves the tab again, or every
 * {@link #VAULT_REFRESH} when it reads a vault entry (a rotated entry is followed without a restart). A realm without
 * a saved tab has nothing here: the caller uses the server's settings.
 *
 * @param <T> what the runtime builds from the realm's values
 */
public final class RealmSettingsCache<T> {

    /** A vault entry may be rotated without touching the component: re-read it this often. */
    public static final Duration VAULT_REFRESH = Duration.ofSeconds(60);

    private final String tabId;
    private final Clock clock;
    private final ConcurrentMap<String, Cached<T>> byRealm = new ConcurrentHashMap<>();

    /** What was built from a realm's tab, and whether it read the vault (then it is rebuilt now and then). */
    public record Built<T>(T value, boolean usesVault) {
    }

    private record Cached<T>(String componentId, int configHash, Instant builtAt, Built<T> built) {
    }

    /** @param tabId the provider id of the realm's tab component */
    public RealmSettingsCache(String tabId, Clock clock) {
        this.tabId = tabId;
        this.clock = clock;
    }

    /**
     * The realm's value, built from its saved tab; empty when the realm has none.
     *
     * @param build the realm's tab component and the value built before for this realm (null if none) to what the
     *              runtime uses; called only when the saved configuration changed or a vault entry is due again
     */
    public Optional<T> forRealm(RealmModel realm, BiFunction<ComponentModel, T, Built<T>> build) {
        Optional<ComponentModel> saved = RealmSettingsTabs.find(realm, tabId);
        if (saved.isEmpty()) {
            byRealm.remove(realm.getId());
            return Optional.empty();
        }
        ComponentModel component = saved.get();
        int configHash = component.getConfig().hashCode();
        Instant now = clock.instant();
        Cached<T> cached = byRealm.get(realm.getId());
        if (cached != null && cached.componentId().equals(component.getId()) && cached.configHash() == configHash
                && !(cached.built().usesVault() && now.isAfter(cached.builtAt().plus(VAULT_REFRESH)))) {
            return Optional.of(cached.built().value());
        }
        Built<T> built = build.apply(component, cached == null ? null : cached.built().value());
        byRealm.put(realm.getId(), new Cached<>(component.getId(), configHash, now, built));
        return Optional.of(built.value());
    }

    /** Forgets the realm (it has no tab, or no longer uses these settings). */
    public void forget(RealmModel realm) {
        byRealm.remove(realm.getId());
    }
}
