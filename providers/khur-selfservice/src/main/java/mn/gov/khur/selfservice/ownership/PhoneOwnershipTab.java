package mn.gov.khur.selfservice.ownership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.sms.settings.InvalidRealmSettingException;
import mn.gov.khur.sms.settings.RealmSettingsTabs;
import mn.gov.khur.sms.settings.RealmSettingsValues;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * Admin console tab <em>Realm settings → khur-phone-ownership</em>: where registration and phone change ask
 * whether a number is registered in the citizen's name. Empty fields keep the server's settings.
 */
public final class PhoneOwnershipTab implements UiTabProvider, UiTabProviderFactory<UiTabProvider> {

    public static final String ID = "khur-phone-ownership";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PhoneOwnershipRealmSettings.URL).type(ProviderConfigProperty.STRING_TYPE)
            .label("Lookup URL / Эзэмшлийн лавлагааны хаяг")
            .helpText("The mobile operators' subscriber lookup (http or https). Empty: the server's KHUR_PHONE_OWNERSHIP_URL; "
                    + "none at all: registration and phone change answer \"try again later\". "
                    + "Үүрэн операторуудын захиалагчийн лавлагааны хаяг (http эсвэл https). Хоосон бол серверийн "
                    + "KHUR_PHONE_OWNERSHIP_URL; аль нь ч байхгүй бол бүртгэл, утас солих үйлдэл \"дараа дахин оролдоно уу\" гэнэ.")
            .add()
            .property().name(PhoneOwnershipRealmSettings.TOKEN).type(ProviderConfigProperty.PASSWORD).secret(true)
            .label("Lookup token / Лавлагааны токен")
            .helpText("Sent as a bearer token. Prefer a vault reference such as ${vault.khur-phone-ownership-token}. "
                    + "Empty: the server's KHUR_PHONE_OWNERSHIP_TOKEN. A literal one is never shown again once saved. "
                    + "Bearer токен болгон илгээнэ. ${vault.khur-phone-ownership-token} гэх мэт vault-ийн лавлагаа ашиглахыг "
                    + "зөвлөнө. Хоосон бол серверийн KHUR_PHONE_OWNERSHIP_TOKEN. Шууд бичсэнийг хадгалсны дараа дахин харуулахгүй.")
            .add()
            .property().name(PhoneOwnershipRealmSettings.TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Lookup timeout (ms) / Хүлээх хугацаа (мс)")
            .helpText("How long to wait for the lookup's answer, 100–60000. Empty: server default 3000. "
                    + "Лавлагааны хариуг хүлээх дээд хугацаа, 100–60000. Хоосон бол 3000.")
            .add()
            .build();

    /** The realm's saved tab component, absent when an operator never saved this tab. */
    public static Optional<ComponentModel> component(RealmModel realm) {
        return RealmSettingsTabs.find(realm, ID);
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RealmSettingsTabs.requireOnePerRealm(realm, model);
        PhoneOwnershipRealmSettings settings;
        try {
            settings = PhoneOwnershipRealmSettings.parse(model.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            throw RealmSettingsTabs.invalid(invalid.getMessage());
        }
        if (settings.token().filter(RealmSettingsValues::isVaultReference).isPresent()
                && RealmSettingsTabs.resolveSecret(session, settings.token().get()).isEmpty()) {
            throw RealmSettingsTabs.invalid("Lookup token: the server vault has no such entry (is a vault configured?)");
        }
    }

    @Override
    public String getHelpText() {
        return "Phone-ownership (subscriber) lookup of this realm; empty fields keep the server settings. "
                + "Энэ realm-ийн утасны дугаарын эзэмшлийн лавлагааны тохиргоо; хоосон талбар серверийн тохиргоог хэрэглэнэ.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public String getPath() {
        return RealmSettingsTabs.REALM_SETTINGS_PATH;
    }

    @Override
    public Map<String, String> getParams() {
        return RealmSettingsTabs.tabParams(ID);
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
        return ID;
    }
}
