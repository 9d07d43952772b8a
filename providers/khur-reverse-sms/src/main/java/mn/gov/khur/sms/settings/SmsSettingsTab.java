package mn.gov.khur.sms.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.identity.settings.RealmSettingsTab;
import mn.gov.khur.identity.settings.RealmSettingsTabs;
import mn.gov.khur.sms.audit.AuditSettings;
import mn.gov.khur.sms.audit.KhurSmsAuditJpaEntityProviderFactory;
import mn.gov.khur.sms.inbound.SmsGatewayResourceProviderFactory;
import mn.gov.khur.sms.inbound.SmsGatewaySettings;

import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Admin console tab <em>Realm settings → khur-sms-gateway</em>: the inbound SMS webhook (secret, short
 * number, rate limits) and the SMS audit retention of this realm. A field shows the value in force: the server's
 * environment/SPI setting (docs/CONFIGURATION.md) until this realm saves its own, which then wins for this realm.
 */
public final class SmsSettingsTab extends RealmSettingsTab {

    public static final String ID = "khur-sms-gateway";
    /** The SPIs whose options the webhook and the audit read ({@code --spi-<spi>--<provider>--<option>}). */
    private static final String WEBHOOK_SPI = "realm-restapi-extension";
    private static final String AUDIT_SPI = "jpa-entity-provider";

    private static final String HELP = "Inbound SMS webhook and SMS audit of this realm. Each field shows the value in force: the "
            + "server's (environment, SPI option) until this realm saves its own; a value equal to the server's is not stored, so the "
            + "realm keeps following the server. Энэ realm-ийн ирэх SMS-ийн webhook болон SMS аудитын тохиргоо. Талбар бүр одоо "
            + "үйлчилж буй утгыг харуулна: realm өөрийн утгаа хадгалаагүй бол серверийнх; серверийнхтэй ижил утгыг хадгалахгүй тул "
            + "realm серверийн тохиргоог дагасаар байна.";

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
            .helpText("The only destination (\"to\") the webhook accepts, 3 to 15 digits. Shown: the value in force; server default 130092. "
                    + "Webhook хүлээн авах цорын ганц хүлээн авагч дугаар, 3–15 оронтой. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 130092.")
            .add()
            .property().name(SmsRealmSettings.TIMESTAMP_TOLERANCE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Timestamp tolerance (s) / Цагийн зөрүүний хязгаар (сек)")
            .helpText("A signed request whose timestamp is further than this from the server clock is refused, 30–3600. "
                    + "Shown: the value in force; server default 300. Серверийн цагаас үүнээс их зөрүүтэй хүсэлтийг татгалзана, 30–3600. "
                    + "Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 300.")
            .add()
            .property().name(SmsRealmSettings.DUPLICATE_RETENTION_HOURS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Duplicate retention (h) / Давхардал санах хугацаа (цаг)")
            .helpText("How long a messageId is remembered so a redelivery is answered \"duplicate\", 1–720. Shown: the value in force; server default 48. "
                    + "Дахин ирсэн мессежийг \"duplicate\" гэж хариулахын тулд messageId-г санах хугацаа, 1–720. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 48.")
            .add()
            .property().name(SmsRealmSettings.AUTH_FAILURES_PER_MINUTE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Rejected requests per IP per minute / IP тутмын минутад татгалзах хүсэлтийн тоо")
            .helpText("Unauthenticated rejects (bad signature, wrong type, too large) one address may cause per minute on "
                    + "each node before it gets 429, 1–100000. Shown: the value in force; server default 20. Нэг хаягаас минутад зөвшөөрөх баталгаажаагүй "
                    + "хүсэлтийн тоо (сервер тус бүрд); хэтэрвэл 429, 1–100000. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 20.")
            .add()
            .property().name(SmsRealmSettings.MESSAGES_PER_SENDER_PER_MINUTE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Messages per sender per minute / Илгээгч тутмын минутад авах мессеж")
            .helpText("Authentic messages one phone number may send per minute on each node before 429, 1–100000. "
                    + "Shown: the value in force; server default 30. Нэг утасны дугаараас минутад хүлээн авах мессежийн тоо (сервер тус бүрд); хэтэрвэл 429, "
                    + "1–100000. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 30.")
            .add()
            .property().name(SmsRealmSettings.AUDIT_RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("SMS audit retention (days) / SMS аудитын хадгалах хугацаа (хоног)")
            .helpText("Inbound SMS audit rows of this realm older than this are deleted, 1–3650. Shown: the value in force; server default 180. "
                    + "Энэ realm-ийн ирсэн SMS-ийн аудитын үүнээс хуучин мөрийг устгана, 1–3650. Харагдаж буй нь одоо үйлчилж буй утга; серверийн анхдагч 180.")
            .add()
            .build();

    /** The realm's saved tab component, absent when an operator never saved this tab. */
    public static Optional<ComponentModel> component(RealmModel realm) {
        return RealmSettingsTabs.find(realm, ID);
    }

    public SmsSettingsTab() {
        super(ID, HELP, PROPERTIES);
    }

    /** What the webhook and the audit purge read from the environment and SPI options (see their settings classes). */
    @Override
    protected Map<String, String> serverValues() {
        // read as the webhook reads them (in dev mode a short secret is accepted there too); secrets are never shown
        SmsGatewaySettings webhook = SmsGatewaySettings.from(Config.scope(WEBHOOK_SPI, SmsGatewayResourceProviderFactory.ID),
                System::getenv, Environment.isDevMode());
        AuditSettings audit = AuditSettings.from(Config.scope(AUDIT_SPI, KhurSmsAuditJpaEntityProviderFactory.ID), System::getenv);
        return Map.of(
                SmsRealmSettings.SHORT_NUMBER, webhook.shortNumber(),
                SmsRealmSettings.TIMESTAMP_TOLERANCE_SECONDS, String.valueOf(webhook.timestampTolerance().toSeconds()),
                SmsRealmSettings.DUPLICATE_RETENTION_HOURS, String.valueOf(webhook.duplicateRetention().toHours()),
                SmsRealmSettings.AUTH_FAILURES_PER_MINUTE, String.valueOf(webhook.authFailuresPerMinute()),
                SmsRealmSettings.MESSAGES_PER_SENDER_PER_MINUTE, String.valueOf(webhook.messagesPerSenderPerMinute()),
                SmsRealmSettings.AUDIT_RETENTION_DAYS, String.valueOf(audit.retention().toDays()));
    }

    @Override
    protected void validate(KeycloakSession session, ComponentModel model) {
        SmsRealmSettings settings = SmsRealmSettings.parse(model.getConfig());
        requireResolvable(session, settings.inboundSecret(), "Inbound secret");
        requireResolvable(session, settings.previousInboundSecret(), "Previous inbound secret");
    }
}
