package mn.gov.khur.esign.push;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mn.gov.khur.esign.pki.EsignPkiConfig;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * What every push method's config carries besides its service endpoint, with the admin-console
 * properties and parsing they share; each method keeps its own key prefix ({@code khur.esign.sim.}).
 */
public record PushSettings(Duration signingTimeout, int pollSeconds, PushLimiter.Limits limits, EsignPkiConfig pki) {

    public static final String SIGNING_TIMEOUT = "signingTimeoutSeconds";
    public static final String POLL_SECONDS = "pollSeconds";
    /** Per register number (the key keeps its first name, so existing realms keep their value). */
    public static final String MAX_PUSHES = "maxPushes";
    public static final String MAX_PUSHES_PER_PHONE = "maxPushesPerPhone";
    public static final String MAX_PUSHES_PER_ADDRESS = "maxPushesPerAddress";
    public static final String PUSH_WINDOW = "pushWindowSeconds";
    /** Upper bound of the per-address limit: a full count costs one cache read per slot (see {@link PushLimiter}). */
    static final int MAX_PER_ADDRESS = 1000;

    /** The shared properties under {@code prefix}; {@code statusQuery} names the service's result call in the help. */
    public static List<ProviderConfigProperty> properties(String prefix, String statusQuery) {
        return ProviderConfigurationBuilder.create()
                .property().name(prefix + SIGNING_TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Signing timeout (s) / Гарын үсэг зурах хугацаа (сек)")
                .helpText("How long the page waits for the citizen to sign on the phone, 10–300 (and never longer than the "
                        + "challenge lifetime). Утсан дээр гарын үсэг зурахыг хүлээх хугацаа.")
                .defaultValue("120").add()
                .property().name(prefix + POLL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Status poll interval (s) / Төлөв шалгах давтамж (сек)")
                .helpText("How often the page asks for the result (" + statusQuery + "), 1–10. Үр дүнг шалгах давтамж.")
                .defaultValue("3").add()
                .property().name(prefix + MAX_PUSHES).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Max requests per register number / Нэг регистрийн дугаарт илгээх хүсэлтийн дээд тоо")
                .helpText("Signing requests started for one register number per window, whether or not they reach a phone "
                        + "(threat model §4), 1–10. Нэг регистрийн дугаараар хугацаанд эхлүүлэх хүсэлтийн дээд тоо "
                        + "(утсанд хүрсэн эсэхээс үл хамаарна).")
                .defaultValue("3").add()
                .property().name(prefix + MAX_PUSHES_PER_PHONE).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Max requests per phone number / Нэг утасны дугаарт илгээх хүсэлтийн дээд тоо")
                .helpText("Signing requests aimed at one phone number per window, whatever register number was typed "
                        + "(stops push-bombing one phone by varying the register number), 1–10. Нэг утасны дугаар руу "
                        + "хугацаанд чиглэсэн хүсэлтийн дээд тоо, ямар регистрийн дугаар оруулсан нь хамаагүй.")
                .defaultValue("3").add()
                .property().name(prefix + MAX_PUSHES_PER_ADDRESS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Max requests per client address / Нэг IP хаягаас илгээх хүсэлтийн дээд тоо")
                .helpText("Signing requests from one client IP address (IPv6: one /64 network) per window, 1–"
                        + MAX_PER_ADDRESS + ". Mobile operators and offices put many citizens behind one address: keep it "
                        + "well above one office's logins in a window. Behind a reverse proxy Keycloak must be told the "
                        + "client address (proxy-headers). Нэг IP хаягаас (IPv6: /64 сүлжээ) хугацаанд илгээх хүсэлтийн "
                        + "дээд тоо. Оператор, байгууллагын олон хэрэглэгч нэг хаягаар гардаг тул хангалттай их байлгана.")
                .defaultValue("30").add()
                .property().name(prefix + PUSH_WINDOW).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Push limit window (s) / Хязгаарын хугацаа (сек)")
                .helpText("The window of all three limits above, 60–86400; each request counts for this long. "
                        + "Дээрх гурван хязгаар тоологдох хугацаа; хүсэлт бүр энэ хугацаанд тоологдоно.")
                .defaultValue("600").add()
                .build();
    }

    public static PushSettings from(Map<String, String> config, String prefix, EsignPkiConfig pki) {
        PushLimiter.Limits limits = new PushLimiter.Limits(
                number(config, prefix + MAX_PUSHES_PER_ADDRESS, 30, 1, MAX_PER_ADDRESS),
                number(config, prefix + MAX_PUSHES, 3, 1, 10),
                number(config, prefix + MAX_PUSHES_PER_PHONE, 3, 1, 10),
                Duration.ofSeconds(number(config, prefix + PUSH_WINDOW, 600, 60, 86_400)));
        return new PushSettings(Duration.ofSeconds(number(config, prefix + SIGNING_TIMEOUT, 120, 10, 300)),
                number(config, prefix + POLL_SECONDS, 3, 1, 10), limits, pki);
    }

    /** How long the waiting page waits: the signing timeout, but never past the challenge's lifetime. */
    public Duration waitLimit() {
        return signingTimeout.compareTo(pki.nonceLifetime()) <= 0 ? signingTimeout : pki.nonceLifetime();
    }

    /** A whole number from the config, clamped to its range; unparsable values fall back to the default. */
    public static int number(Map<String, String> config, String key, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(config.getOrDefault(key, String.valueOf(fallback)).strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
