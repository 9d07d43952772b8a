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
        PushSettings settings) {

    public static final String SERVICE_URL = "khur.esign.cloud.serviceUrl";
    public static final String RP_UUID = "khur.esign.cloud.relyingPartyUuid";
    public static final String RP_NAME = "khur.esign.cloud.relyingPartyName";
    public static final String HTTP_TIMEOUT = "khur.esign.cloud.httpTimeoutSeconds";
    /** Key prefix of this method's settings, shared ones included ({@link PushSettings}). */
    static final String PREFIX = "khur.esign.cloud.";

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
                .build());
        all.addAll(PushSettings.properties(PREFIX, "session status"));
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
                Duration.ofSeconds(PushSettings.number(c, HTTP_TIMEOUT, 10, 1, 30)),
                PushSettings.from(c, PREFIX, EsignPkiConfig.from(model)));
    }


    /** Empty when no GSign endpoint is configured (the step then says the service is unavailable). */
    public Optional<PushSignatureService> service() {
        return serviceUrl == null ? Optional.empty()
                : Optional.of(new GSignClient(serviceUrl, relyingPartyUuid, relyingPartyName, httpTimeout));
    }

}
