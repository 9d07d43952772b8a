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
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * Admin console tab <em>Realm settings → khur-sms-gateway</em>: the inbound SMS webhook (secret, short
 * number, rate limits) and the SMS audit retention of this realm. Empty fields keep the server's
 * environment/SPI defaults (docs/CONFIGURATION.md); what is saved here wins for this realm.
 */
public final class SmsSettingsTab implements UiTabProvider, UiTabProviderFactory<UiTabProvider> {

    public static final String ID = "khur-sms-gateway";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(SmsRealmSettings.INBOUND_SECRET).type(ProviderConfigProperty.PASSWORD).secret(true)
            .label("Inbound secret / Ирэх SMS-ийн нууц түлхүүр")
            .helpText("HMAC key the SMS gateway signs each inbound message with. Prefer a vault reference such as "
                    + "${vault.khur-sms-inbound-secret}; a literal secret must be at least 32 bytes. Empty: the server's "
                    + "KHUR_SMS_INBOUND_SECRET. A literal one is never shown again once saved. "
                    + "SMS гарцын ирэх мессеж бүрийг гарын үсэг зурах HMAC түлхүүр. ${vault.khur-sms-inbound-secret} гэх мэт "
                    + "vault-ийн лавлагаа ашиглахыг зөвлөнө; шууд бичвэл 32-оос доошгүй байт байна. Хоосон бол серверийн "
                    + "KHUR_SMS_INBOUND_SECRET. Шууд бичсэнийг хадгалсны дараа дахин харуулахгүй.")
            .add()
            .property().name(SmsRealmSettings.INBOUND_SECRET_PREVIOUS).type(ProviderConfigProperty.PASSWORD).secret(true)
            .label("Previous inbound secret / Өмнөх нууц түлхүүр")
            .helpText("Also accepted while the gateways switch to a new secret; clear it when the rotation is done. "
                    + "Гарцууд шинэ түлхүүрт шилжих хооронд хүлээн авна; шилжилт дуусмагц хоослоно уу.")
            .add()
            .property().name(SmsRealmSettings.SHORT_NUMBER).type(ProviderConfigProperty.STRING_TYPE)
            .label("Accepted short number / Хүлээн авах богино дугаар")
            .helpText("The only destination (\"to\") the webhook accepts, 3 to 15 digits. Empty: server default 130092. "
                    + "Webhook хүлээн авах цорын ганц хүлээн авагч дугаар, 3–15 оронтой. Хоосон бол 130092.")
            .add()
            .property().name(SmsRealmSettings.TIMESTAMP_TOLERANCE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Timestamp tolerance (s) / Цагийн зөрүүний хязгаар (сек)")
            .helpText("A signed request whose timestamp is further than this from the server clock is refused, 30–3600. "
                    + "Empty: server default 300. Серверийн цагаас үүнээс их зөрүүтэй хүсэлтийг татгалзана, 30–3600. Хоосон бол 300.")
            .add()
            .property().name(SmsRealmSettings.DUPLICATE_RETENTION_HOURS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Duplicate retention (h) / Давхардал санах хугацаа (цаг)")
            .helpText("How long a messageId is remembered so a redelivery is answered \"duplicate\", 1–720. Empty: 48. "
                    + "Дахин ирсэн мессежийг \"duplicate\" гэж хариулахын тулд messageId-г санах хугацаа, 1–720. Хоосон бол 48.")
            .add()
            .property().name(SmsRealmSettings.AUTH_FAILURES_PER_MINUTE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Rejected requests per IP per minute / IP тутмын минутад татгалзах хүсэлтийн тоо")
            .helpText("Unauthenticated rejects (bad signature, wrong type, too large) one address may cause per minute on "
                    + "each node before it gets 429, 1–100000. Empty: 20. Нэг хаягаас минутад зөвшөөрөх баталгаажаагүй "
                    + "хүсэлтийн тоо (сервер тус бүрд); хэтэрвэл 429, 1–100000. Хоосон бол 20.")
            .add()
            .property().name(SmsRealmSettings.MESSAGES_PER_SENDER_PER_MINUTE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Messages per sender per minute / Илгээгч тутмын минутад авах мессеж")
            .helpText("Authentic messages one phone number may send per minute on each node before 429, 1–100000. "
                    + "Empty: 30. Нэг утасны дугаараас минутад хүлээн авах мессежийн тоо (сервер тус бүрд); хэтэрвэл 429, "
                    + "1–100000. Хоосон бол 30.")
            .add()
            .property().name(SmsRealmSettings.AUDIT_RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("SMS audit retention (days) / SMS аудитын хадгалах хугацаа (хоног)")
            .helpText("Inbound SMS audit rows of this realm older than this are deleted, 1–3650. Empty: server default 180. "
                    + "Энэ realm-ийн ирсэн SMS-ийн аудитын үүнээс хуучин мөрийг устгана, 1–3650. Хоосон бол 180.")
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
        SmsRealmSettings settings;
        try {
            settings = SmsRealmSettings.parse(model.getConfig());
        } catch (InvalidRealmSettingException invalid) {
            throw RealmSettingsTabs.invalid(invalid.getMessage());
        }
        // a vault reference that resolves to nothing would silently switch the webhook off (503)
        requireResolvable(session, settings.inboundSecret(), "Inbound secret");
        requireResolvable(session, settings.previousInboundSecret(), "Previous inbound secret");
    }

    private static void requireResolvable(KeycloakSession session, Optional<String> stored, String label) {
        if (stored.filter(RealmSettingsValues::isVaultReference).isPresent()
                && RealmSettingsTabs.resolveSecret(session, stored.get()).isEmpty()) {
            throw RealmSettingsTabs.invalid(label + ": the server vault has no such entry (is a vault configured?)");
        }
    }

    @Override
    public String getHelpText() {
        return "Inbound SMS webhook and SMS audit of this realm; empty fields keep the server defaults. "
                + "Энэ realm-ийн ирэх SMS-ийн webhook болон SMS аудитын тохиргоо; хоосон талбар серверийн анхдагч утгыг хэрэглэнэ.";
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
