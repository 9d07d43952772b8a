package mn.gov.khur.sms.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * One of our tabs under <em>Realm settings</em> in the admin console (declarative UI): a realm component
 * of this id holds the operator's values, at most one per realm; a subclass names its fields and checks them.
 */
public abstract class RealmSettingsTab implements UiTabProvider, UiTabProviderFactory<UiTabProvider> {

    private final String id;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;

    protected RealmSettingsTab(String id, String helpText, List<ProviderConfigProperty> properties) {
        this.id = id;
        this.helpText = helpText;
        this.properties = properties;
    }

    /**
     * Checks what the operator is saving.
     *
     * @throws InvalidRealmSettingException with the message the admin console shows
     */
    protected abstract void validate(KeycloakSession session, ComponentModel model);

    @Override
    public final void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RealmSettingsTabs.requireOnePerRealm(realm, model);
        try {
            validate(session, model);
        } catch (InvalidRealmSettingException invalid) {
            throw RealmSettingsTabs.invalid(invalid.getMessage());
        }
    }

    /** A vault reference that resolves to nothing would silently switch the feature off: refused when saved. */
    protected static void requireResolvable(KeycloakSession session, Optional<String> stored, String label) {
        if (stored.filter(RealmSettingsValues::isVaultReference).isPresent()
                && RealmSettingsTabs.resolveSecret(session, stored.get()).isEmpty()) {
            throw new InvalidRealmSettingException(label + ": the server vault has no such entry (is a vault configured?)");
        }
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public String getPath() {
        return RealmSettingsTabs.REALM_SETTINGS_PATH;
    }

    @Override
    public Map<String, String> getParams() {
        return RealmSettingsTabs.tabParams(id);
    }

    @Override
    public UiTabProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return id;
    }
}
