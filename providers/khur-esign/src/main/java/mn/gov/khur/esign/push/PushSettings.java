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
public record PushSettings(Duration signingTimeout, int pollSeconds, int maxPushes, Duration pushWindow, EsignPkiConfig pki) {

    public static final String SIGNING_TIMEOUT = "signingTimeoutSeconds";
    public static final String POLL_SECONDS = "pollSeconds";
    public static final String MAX_PUSHES = "maxPushes";
    public static final String PUSH_WINDOW = "pushWindowSeconds";

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
                .label("Max pushes per citizen / Иргэнд илгээх хүсэлтийн дээд тоо")
                .helpText("Signature requests per register number per window (threat model §4), 1–10. "
                        + "Нэг регистрийн дугаарт хугацаанд илгээх дээд тоо.")
                .defaultValue("3").add()
                .property().name(prefix + PUSH_WINDOW).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("Push limit window (s) / Хязгаарын хугацаа (сек)")
                .helpText("60–86400. Хязгаар тоологдох хугацаа.")
                .defaultValue("600").add()
                .build();
    }

    public static PushSettings from(Map<String, String> config, String prefix, EsignPkiConfig pki) {
        return new PushSettings(Duration.ofSeconds(number(config, prefix + SIGNING_TIMEOUT, 120, 10, 300)),
                number(config, prefix + POLL_SECONDS, 3, 1, 10), number(config, prefix + MAX_PUSHES, 3, 1, 10),
                Duration.ofSeconds(number(config, prefix + PUSH_WINDOW, 600, 60, 86_400)), pki);
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
