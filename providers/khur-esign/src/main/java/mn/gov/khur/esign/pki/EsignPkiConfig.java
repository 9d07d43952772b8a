package mn.gov.khur.esign.pki;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import mn.gov.khur.esign.nonce.SignatureChallenges;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Certificate-validation settings every signature method carries in its authenticator config
 * (admin console → Authentication → the step's ⚙). Typed, with defaults; a blank trust-anchor
 * path means no certificate can be trusted (fail closed).
 */
public record EsignPkiConfig(ValidationPolicy policy, Duration nonceLifetime) {

    public static final String TRUST_ANCHORS = "khur.esign.trustAnchorsFile";
    public static final String REQUIRED_POLICIES = "khur.esign.requiredPolicies";
    public static final String OCSP_URL = "khur.esign.ocspUrl";
    public static final String OCSP_TIMEOUT = "khur.esign.ocspTimeoutSeconds";
    public static final String OCSP_MAX_AGE = "khur.esign.ocspMaxAgeSeconds";
    public static final String REVOCATION_GRACE = "khur.esign.revocationGraceSeconds";
    public static final String CRL_FALLBACK = "khur.esign.crlFallback";
    public static final String NONCE_LIFETIME = "khur.esign.nonceLifetimeSeconds";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(TRUST_ANCHORS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Trust anchors (PEM file) / Итгэмжлэгдсэн CA (PEM файл)")
            .helpText("Path on the server to a PEM file with the national root and issuing CAs; only these can vouch for a "
                    + "citizen's certificate. Иргэний гэрчилгээг баталгаажуулах үндэсний үндсэн болон олгогч CA-уудын PEM файлын зам.")
            .add()
            .property().name(REQUIRED_POLICIES).type(ProviderConfigProperty.STRING_TYPE)
            .label("Required certificate policies / Шаардлагатай гэрчилгээний бодлого")
            .helpText("Comma-separated policy OIDs; the certificate must carry one of them. Empty: not checked. "
                    + "Таслалаар тусгаарласан бодлогын OID; хоосон бол шалгахгүй.")
            .add()
            .property().name(OCSP_URL).type(ProviderConfigProperty.STRING_TYPE)
            .label("OCSP responder override / OCSP серверийн хаяг")
            .helpText("Ask this OCSP responder instead of the one in the certificate's AIA. Empty: from the certificate. "
                    + "Хоосон бол гэрчилгээний AIA-д заасан OCSP серверээс асууна.")
            .add()
            .property().name(OCSP_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("OCSP/CRL timeout (s) / OCSP/CRL хүлээх хугацаа (сек)")
            .helpText("Per request. Хүсэлт бүрийн хүлээх дээд хугацаа.")
            .defaultValue("5").add()
            .property().name(OCSP_MAX_AGE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("OCSP max age (s) / OCSP хариуны хүчинтэй хугацаа (сек)")
            .helpText("An OCSP answer older than this is stale and refused. Үүнээс хуучин OCSP хариуг хүлээн авахгүй.")
            .defaultValue("900").add()
            .property().name(REVOCATION_GRACE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Grace while OCSP is down (s) / OCSP ажиллахгүй үеийн хөнгөлөлт (сек)")
            .helpText("0 (default) fails closed at once. Otherwise a cached 'good' answer may be used this long past its "
                    + "validity while OCSP and CRL are unreachable. 0 бол шууд татгалзана.")
            .defaultValue("0").add()
            .property().name(CRL_FALLBACK).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("CRL fallback / CRL-ээр шалгах")
            .helpText("When OCSP gives no usable answer, check the CRL from the certificate. OCSP хариу авч чадахгүй бол CRL-ээр шалгана.")
            .defaultValue("true").add()
            .property().name(NONCE_LIFETIME).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Challenge lifetime (s) / Сорилтын хүчинтэй хугацаа (сек)")
            .helpText("How long a signing challenge (server nonce) stays usable, 30–300. Гарын үсэг зурах сорилтын хугацаа.")
            .defaultValue("300").add()
            .build();

    public static EsignPkiConfig from(AuthenticatorConfigModel model) {
        Map<String, String> c = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String anchors = c.getOrDefault(TRUST_ANCHORS, "").strip();
        Set<String> policies = Arrays.stream(c.getOrDefault(REQUIRED_POLICIES, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String ocsp = c.getOrDefault(OCSP_URL, "").strip();
        ValidationPolicy policy = new ValidationPolicy(
                anchors.isEmpty() ? Path.of("/nonexistent/khur-esign-trust-anchors.pem") : Path.of(anchors),
                policies,
                ocsp.isEmpty() ? null : URI.create(ocsp),
                seconds(c, OCSP_TIMEOUT, 5, 1, 30),
                seconds(c, OCSP_MAX_AGE, 900, 60, 7 * 24 * 3600),
                ValidationPolicy.DEFAULT_CLOCK_SKEW,
                seconds(c, REVOCATION_GRACE, 0, 0, 24 * 3600),
                !"false".equalsIgnoreCase(c.getOrDefault(CRL_FALLBACK, "true").strip()));
        Duration nonce = seconds(c, NONCE_LIFETIME, (int) SignatureChallenges.DEFAULT_TTL.toSeconds(), 30, 300);
        return new EsignPkiConfig(policy, nonce);
    }

    static Duration seconds(Map<String, String> config, String key, int fallback, int min, int max) {
        try {
            int value = Integer.parseInt(config.getOrDefault(key, String.valueOf(fallback)).strip());
            return Duration.ofSeconds(Math.max(min, Math.min(max, value)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(fallback);
        }
    }
}
