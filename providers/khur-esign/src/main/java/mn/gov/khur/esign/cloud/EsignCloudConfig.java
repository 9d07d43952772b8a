package mn.gov.khur.esign.cloud;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.esign.pki.EsignPkiConfig;
import mn.gov.khur.esign.push.PushSettings;
import mn.gov.khur.esign.push.PushSignatureService;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of the GSign cloud-signature step, plus the shared {@link EsignPkiConfig}. */
public record EsignCloudConfig(URI serviceUrl, String relyingPartyUuid, String relyingPartyName, Duration httpTimeout,
                               Duration signingTimeout, int pollSeconds, int maxPushes, Duration pushWindow,
                               EsignPkiConfig pki) {

    public static final String SERVICE_URL = "khur.esign.cloud.serviceUrl";
    public static final String RP_UUID = "khur.esign.cloud.relyingPartyUuid";
    public static final String RP_NAME = "khur.esign.cloud.relyingPartyName";
    public static final String HTTP_TIMEOUT = "khur.esign.cloud.httpTimeoutSeconds";
    public static final String SIGNING_TIMEOUT = "khur.esign.cloud.signingTimeoutSeconds";
    public static final String POLL_SECONDS = "khur.esign.cloud.pollSeconds";
    public static final String MAX_PUSHES = "khur.esign.cloud.maxPushes";
    public static final String PUSH_WINDOW = "khur.esign.cloud.pushWindowSeconds";

    public static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(SERVICE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("GSign service URL / GSign үйлчилгээний хаяг")
                .helpText("Base URL of the GSign relying-party API (Smart-ID v2 style: /authentication/etsi/PNOMN-<RN>, "
                        + "/session/<id>). GSign клауд гарын үсгийн үйлчилгээний хаяг.")
                .add()
                .property().name(RP_UUID).type(ProviderConfigProperty.PASSWORD).secret(true)
                .label("Relying party UUID / Харилцагчийн UUID")
                .helpText("Our relying-party UUID issued by GSign (a credential). GSign-ээс олгосон харилцагчийн UUID.")
                .add()
                .property().name(RP_NAME).type(ProviderConfigProperty.STRING_TYPE)
                .label("Relying party name / Харилцагчийн нэр")
                .helpText("Our relying-party name registered at GSign. GSign-д бүртгэлтэй харилцагчийн нэр.")
                .defaultValue("KHUR").add()
                .property().name(HTTP_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("GSign request timeout (s) / GSign хүсэлтийн хугацаа (сек)")
                .helpText("Per HTTP request, 1–30. Хүсэлт бүрийн хүлээх хугацаа.")
                .defaultValue("10").add()
                .property().name(SIGNING_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Signing timeout (s) / Гарын үсэг зурах хугацаа (сек)")
                .helpText("How long the page waits for the citizen to sign on the phone, 10–300 (and never longer than the "
                        + "challenge lifetime). Утсан дээр гарын үсэг зурахыг хүлээх хугацаа.")
                .defaultValue("120").add()
                .property().name(POLL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Status poll interval (s) / Төлөв шалгах давтамж (сек)")
                .helpText("How often the page asks for the result (session status), 1–10. Үр дүнг шалгах давтамж.")
                .defaultValue("3").add()
                .property().name(MAX_PUSHES).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Max pushes per citizen / Иргэнд илгээх хүсэлтийн дээд тоо")
                .helpText("Signature requests per register number per window (threat model §4), 1–10. "
                        + "Нэг регистрийн дугаарт хугацаанд илгээх дээд тоо.")
                .defaultValue("3").add()
                .property().name(PUSH_WINDOW).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Push limit window (s) / Хязгаарын хугацаа (сек)")
                .helpText("60–86400. Хязгаар тоологдох хугацаа.")
                .defaultValue("600").add()
                .build());
        all.addAll(EsignPkiConfig.PROPERTIES);
        PROPERTIES = List.copyOf(all);
    }

    public static EsignCloudConfig from(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String url = c.getOrDefault(SERVICE_URL, "").strip();
        URI service;
        try {
            service = url.isEmpty() ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            service = null;
        }
        String name = c.getOrDefault(RP_NAME, "").strip();
        return new EsignCloudConfig(service, c.getOrDefault(RP_UUID, "").strip(), name.isEmpty() ? "KHUR" : name,
                Duration.ofSeconds(number(c, HTTP_TIMEOUT, 10, 1, 30)),
                Duration.ofSeconds(number(c, SIGNING_TIMEOUT, 120, 10, 300)),
                number(c, POLL_SECONDS, 3, 1, 10), number(c, MAX_PUSHES, 3, 1, 10),
                Duration.ofSeconds(number(c, PUSH_WINDOW, 600, 60, 86_400)), EsignPkiConfig.from(model));
    }

    public PushSettings settings() {
        return new PushSettings(signingTimeout, pollSeconds, maxPushes, pushWindow, pki);
    }

    /** Empty when no GSign endpoint is configured (the step then says the service is unavailable). */
    public Optional<PushSignatureService> service() {
        return serviceUrl == null ? Optional.empty()
                : Optional.of(new GSignClient(serviceUrl, relyingPartyUuid, relyingPartyName, httpTimeout));
    }

    static int number(Map<String, String> c, String key, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(c.getOrDefault(key, String.valueOf(fallback)).strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
