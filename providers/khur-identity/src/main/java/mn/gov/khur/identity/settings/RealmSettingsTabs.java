package mn.gov.khur.identity.settings;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.vault.VaultRawSecret;

/**
 * Realm settings that operators edit in the admin console as extra tabs of <em>Realm settings</em>
 * (Keycloak's declarative UI, feature {@code declarative-ui}): each tab is one component of type
 * {@link UiTabProvider} whose parent is the realm. The runtime reads that component when present.
 */
public final class RealmSettingsTabs {

    /**
     * The admin console's realm-settings route; {@link #tabParams} pick our tab in it. The tab segment is
     * optional: the left menu's "Realm settings" opens {@code /:realm/realm-settings} without one, and the
     * console lists a declarative tab only where its path matches.
     */
    public static final String REALM_SETTINGS_PATH = "/:realm/realm-settings/:tab?";

    private RealmSettingsTabs() {
    }

    public static Map<String, String> tabParams(String providerId) {
        return Map.of("tab", providerId);
    }

    /** The realm's component of this tab, if an operator saved one. A cached realm answers from memory. */
    public static Optional<ComponentModel> find(RealmModel realm, String providerId) {
        return realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> providerId.equals(component.getProviderId()))
                .findFirst();
    }

    /**
     * Common checks of a tab component being saved: it belongs to the realm itself, and there is one per
     * realm (the admin console always edits the existing one; a second one through the API would be ambiguous).
     */
    public static void requireOnePerRealm(RealmModel realm, ComponentModel model) {
        if (!realm.getId().equals(model.getParentId())) {
            throw invalid("These settings belong to the realm: parentId must be the realm id");
        }
        boolean another = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .anyMatch(other -> model.getProviderId().equals(other.getProviderId()) && !other.getId().equals(model.getId()));
        if (another) {
            throw invalid("This realm already has these settings; update that component instead");
        }
    }

    /**
     * A stored secret as bytes: a {@code ${vault.<key>}} reference resolved through the server's vault,
     * anything else taken literally. Empty when the vault has no such entry (the caller fails closed).
     */
    public static Optional<byte[]> resolveSecret(KeycloakSession session, String stored) {
        try (VaultRawSecret secret = session.vault().getRawSecret(stored)) {
            return secret.get().filter(ByteBuffer::hasRemaining).map(buffer -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.duplicate().get(bytes);
                return bytes;
            });
        }
    }

    /**
     * A validation failure for the admin REST API (answered 400 {@code {"errorMessage": …}}). Keycloak runs
     * the message through {@link java.text.MessageFormat}, so the text goes in as a parameter: braces in it
     * (a vault reference) stay as they are.
     */
    public static ComponentValidationException invalid(String message) {
        return new ComponentValidationException("{0}", message);
    }
}
