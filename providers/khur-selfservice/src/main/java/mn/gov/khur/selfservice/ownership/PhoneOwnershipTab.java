package mn.gov.khur.selfservice.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.identity.settings.RealmSettingsTab;
import mn.gov.khur.identity.settings.RealmSettingsTabs;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Admin console tab <em>Realm settings → khur-phone-ownership</em>: where registration and phone change ask
 * whether a number is registered in the citizen's name. A field shows the value in force (the server's until the realm saves its own).
 */
public final class PhoneOwnershipTab extends RealmSettingsTab {

    public static final String ID = "khur-phone-ownership";

    private static final String HELP = "Phone-ownership (subscriber) lookup of this realm. Each field shows the value in force: the "
            + "server's until this realm saves its own; a value equal to the server's is not stored. Энэ realm-ийн утасны дугаарын "
            + "эзэмшлийн лавлагааны тохиргоо. Талбар бүр одоо үйлчилж буй утгыг харуулна: realm өөрийн утгаа хадгалаагүй бол "
            + "серверийнх; серверийнхтэй ижил утгыг хадгалахгүй.";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PhoneOwnershipRealmSettings.URL).type(ProviderConfigProperty.STRING_TYPE)
            .label("Lookup URL / Эзэмшлийн лавлагааны хаяг")
            .helpText("The mobile operators' subscriber lookup (http or https). Shown: the value in force, by default the "
                    + "server's KHUR_PHONE_OWNERSHIP_URL; none at all: registration and phone change answer \"try again later\". "
                    + "Үүрэн операторуудын захиалагчийн лавлагааны хаяг (http эсвэл https). Харагдаж буй нь одоо үйлчилж буй "
                    + "утга, анхдагчаар серверийн KHUR_PHONE_OWNERSHIP_URL; аль нь ч байхгүй бол бүртгэл, утас солих үйлдэл "
                    + "\"дараа дахин оролдоно уу\" гэнэ.")
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
            .helpText("How long to wait for the lookup's answer, 100–60000. Shown: the value in force; server default 3000. "
                    + "Лавлагааны хариуг хүлээх дээд хугацаа, 100–60000. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 3000.")
            .add()
            .build();

    /** The realm's saved tab component, absent when an operator never saved this tab. */
    public static Optional<ComponentModel> component(RealmModel realm) {
        return RealmSettingsTabs.find(realm, ID);
    }

    public PhoneOwnershipTab() {
        super(ID, HELP, PROPERTIES);
    }

    /** What the lookup reads from its SPI options and the environment ({@link PhoneOwnershipSettings#from}). */
    @Override
    protected Map<String, String> serverValues() {
        PhoneOwnershipSettings server = PhoneOwnershipSettings.from(
                Config.scope(PhoneOwnershipSpi.NAME, HttpPhoneOwnershipLookupFactory.PROVIDER_ID)::get, System.getenv());
        Map<String, String> values = new HashMap<>();
        values.put(PhoneOwnershipRealmSettings.TIMEOUT_MS, String.valueOf(server.timeout().toMillis()));
        if (server.endpoint() != null) {
            values.put(PhoneOwnershipRealmSettings.URL, server.endpoint().toString());
        }
        return values;
    }

    @Override
    protected void validate(KeycloakSession session, ComponentModel model) {
        PhoneOwnershipRealmSettings settings = PhoneOwnershipRealmSettings.parse(model.getConfig());
        requireResolvable(session, settings.token(), "Lookup token");
    }
}
