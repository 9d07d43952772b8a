package mn.gov.khur.identity.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
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
 * <p>
 * A field the realm has not set shows the value in force, the server's (environment or SPI option): the
 * console fills it from the field's default, which this tab sets from the server's settings at start-up. A
 * value saved equal to the server's is not stored, so the realm keeps following the server; a secret is
 * never shown.
 */
public abstract class RealmSettingsTab implements UiTabProvider, UiTabProviderFactory<UiTabProvider> {

    private static final Logger LOG = Logger.getLogger(RealmSettingsTab.class);

    private final String id;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;
    private volatile Map<String, String> serverValues = Map.of();

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

    /**
     * The server's value of each non-secret field (field name → value), as the runtime reads it from the
     * environment and SPI options; a field without one is left out.
     */
    protected abstract Map<String, String> serverValues();

    @Override
    public final void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RealmSettingsTabs.requireOnePerRealm(realm, model);
        forgetValuesEqualToTheServers(model);
        try {
            validate(session, model);
        } catch (InvalidRealmSettingException invalid) {
            throw RealmSettingsTabs.invalid(invalid.getMessage());
        }
    }

    /** The console sends back every field it showed: the server's values shown there are not the realm's own. */
    private void forgetValuesEqualToTheServers(ComponentModel model) {
        serverValues.forEach((name, value) -> {
            List<String> saved = model.getConfig().get(name);
            if (saved != null && saved.size() == 1 && saved.get(0) != null && value.equals(saved.get(0).strip())) {
                model.getConfig().remove(name);
            }
        });
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

    /** The fields, each non-secret one with the server's value as its default (what the console shows when unset). */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        Map<String, String> inForce = serverValues;
        return properties.stream().map(field -> withDefault(field, field.isSecret() ? null : inForce.get(field.getName())))
                .toList();
    }

    private static ProviderConfigProperty withDefault(ProviderConfigProperty field, String value) {
        if (value == null) {
            return field;
        }
        ProviderConfigProperty copy = new ProviderConfigProperty(field.getName(), field.getLabel(), field.getHelpText(),
                field.getType(), value, field.isSecret(), field.isReadOnly());
        copy.setOptions(field.getOptions());
        copy.setRequired(field.isRequired());
        return copy;
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
    public final void init(Config.Scope config) {
        try {
            serverValues = Map.copyOf(serverValues());
        } catch (RuntimeException unreadable) {
            // the runtime refuses these settings at start-up with its own message; the tab then shows none
            LOG.warnf("Realm settings tab %s: the server's values cannot be shown: %s", id, unreadable.getMessage());
        }
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
