package mn.gov.khur.esign.sim;

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

/** Settings of the SIM-signature (MSSP) step, plus the shared {@link EsignPkiConfig}. */
public record EsignSimConfig(URI msspUrl, String apId, String apPassword, String signatureProfile, Duration httpTimeout,
        PushSettings settings) {

    public static final String MSSP_URL = "khur.esign.sim.msspUrl";
    public static final String AP_ID = "khur.esign.sim.apId";
    public static final String AP_PASSWORD = "khur.esign.sim.apPassword";
    public static final String SIGNATURE_PROFILE = "khur.esign.sim.signatureProfile";
    public static final String HTTP_TIMEOUT = "khur.esign.sim.httpTimeoutSeconds";
    /** Key prefix of this method's settings, shared ones included ({@link PushSettings}). */
    static final String PREFIX = "khur.esign.sim.";
    static final String DEFAULT_PROFILE = "http://khur.gov.mn/mss/profile/authentication";

    public static final List<ProviderConfigProperty> PROPERTIES;

    static {
        List<ProviderConfigProperty> all = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(MSSP_URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("MSSP endpoint / MSSP-ийн хаяг")
                .helpText("Base URL of the operator's Mobile Signature Service (ETSI TS 102 204, JSON/REST); "
                        + "'/signature' and '/status' are appended. Операторын гар утасны гарын үсгийн үйлчилгээний хаяг.")
                .add()
                .property().name(AP_ID).type(ProviderConfigProperty.STRING_TYPE)
                .label("AP_ID / Хэрэглээний үйлчилгээ үзүүлэгчийн ID")
                .helpText("Our Application Provider id at the MSSP. MSSP-ээс олгосон AP_ID.")
                .add()
                .property().name(AP_PASSWORD).type(ProviderConfigProperty.PASSWORD).secret(true)
                .label("AP_PWD / AP нууц үг")
                .helpText("Our Application Provider password at the MSSP. MSSP-ээс олгосон AP нууц үг.")
                .add()
                .property().name(SIGNATURE_PROFILE).type(ProviderConfigProperty.STRING_TYPE)
                .label("Signature profile / Гарын үсгийн профайл")
                .helpText("SignatureProfile URI agreed with the MSSP. MSSP-тэй тохирсон профайлын URI.")
                .defaultValue(DEFAULT_PROFILE).add()
                .property().name(HTTP_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("MSSP request timeout (s) / MSSP хүсэлтийн хугацаа (сек)")
                .helpText("Per HTTP request, 1–30. Хүсэлт бүрийн хүлээх хугацаа.")
                .defaultValue("10").add()
                .build());
        all.addAll(PushSettings.properties(PREFIX, "MSS_StatusQuery"));
        all.addAll(EsignPkiConfig.PROPERTIES);
        PROPERTIES = List.copyOf(all);
    }

    public static EsignSimConfig from(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String url = c.getOrDefault(MSSP_URL, "").strip();
        URI mssp;
        try {
            mssp = url.isEmpty() ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            mssp = null;
        }
        String profile = c.getOrDefault(SIGNATURE_PROFILE, "").strip();
        return new EsignSimConfig(mssp, c.getOrDefault(AP_ID, "").strip(), c.getOrDefault(AP_PASSWORD, ""),
                profile.isEmpty() ? DEFAULT_PROFILE : profile,
                Duration.ofSeconds(PushSettings.number(c, HTTP_TIMEOUT, 10, 1, 30)),
                PushSettings.from(c, PREFIX, EsignPkiConfig.from(model)));
    }


    /** Empty when no MSSP endpoint is configured (the step then says the service is unavailable). */
    public Optional<PushSignatureService> service() {
        return msspUrl == null ? Optional.empty()
                : Optional.of(new MsspSignatureService(new MsspClient(msspUrl, apId, apPassword, signatureProfile, httpTimeout)));
    }

}
