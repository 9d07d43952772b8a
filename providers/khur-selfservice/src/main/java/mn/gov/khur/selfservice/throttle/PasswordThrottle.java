package mn.gov.khur.selfservice.throttle;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * How many wrong passwords one network may spend on one account ({@code failures}, 0 = no throttle) within a sliding
 * {@code window}: the password step's config in the admin console. Defaults keep one network well below the realm's
 * brute-force failure factor, so locking an account takes many networks (docs/CONFIGURATION.md has the arithmetic).
 */
public record PasswordThrottle(int failures, Duration window) {

    public static final String FAILURES = "khur.password.failuresPerNetwork";
    public static final String WINDOW_MINUTES = "khur.password.networkWindowMinutes";
    public static final int DEFAULT_FAILURES = 5;
    public static final int MAX_FAILURES = 100;
    public static final int DEFAULT_WINDOW_MINUTES = 60;
    public static final int MAX_WINDOW_MINUTES = 1440;
    public static final PasswordThrottle DEFAULT = new PasswordThrottle(DEFAULT_FAILURES, Duration.ofMinutes(DEFAULT_WINDOW_MINUTES));

    private static final Logger LOG = Logger.getLogger(PasswordThrottle.class);

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(FAILURES).type(ProviderConfigProperty.STRING_TYPE)
            .label("Wrong passwords per network / Нэг сүлжээнээс буруу нууц үг")
            .helpText("How many wrong passwords one network (an IPv4 address, or an IPv6 /64) may enter for one register "
                    + "number within the window below (0 to " + MAX_FAILURES + "; 0 turns the throttle off). Further "
                    + "attempts from that network get \"wait\" before the password is checked and do not count against the "
                    + "account; keep it well below the realm's brute-force failure factor. "
                    + "Нэг сүлжээнээс (IPv4 хаяг, эсвэл IPv6 /64) нэг регистрийн дугаарт доорх хугацаанд хэдэн удаа буруу "
                    + "нууц үг оруулж болох (0-" + MAX_FAILURES + "; 0 бол хязгаарлахгүй). Түүнээс цааших оролдлогод нууц "
                    + "үгийг шалгалгүй \"хүлээнэ үү\" гэж хариулж, бүртгэлийн түгжээнд тооцохгүй.")
            .defaultValue(String.valueOf(DEFAULT_FAILURES)).add()
            .property().name(WINDOW_MINUTES).type(ProviderConfigProperty.STRING_TYPE)
            .label("Window (minutes) / Хугацаа (минут)")
            .helpText("Each wrong password stays in the network's count for this many minutes (1 to " + MAX_WINDOW_MINUTES
                    + "). Буруу нууц үг бүр тухайн сүлжээний тоонд энэ хэдэн минут хадгалагдана (1-" + MAX_WINDOW_MINUTES + ").")
            .defaultValue(String.valueOf(DEFAULT_WINDOW_MINUTES)).add()
            .build();

    public boolean enabled() {
        return failures > 0;
    }

    /** The configured numbers; a default for each value unset or unreadable (a typo must not switch the throttle off). */
    public static PasswordThrottle from(AuthenticatorConfigModel config) {
        var values = config == null || config.getConfig() == null ? java.util.Map.<String, String>of() : config.getConfig();
        int failures = read(values.get(FAILURES), 0, MAX_FAILURES, DEFAULT_FAILURES, "wrong passwords per network");
        int minutes = read(values.get(WINDOW_MINUTES), 1, MAX_WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES, "window in minutes");
        return new PasswordThrottle(failures, Duration.ofMinutes(minutes));
    }

    static int read(String value, int min, int max, int fallback, String what) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("Password step: %s must be %d to %d, not \"%s\"; using %d", what, min, max, value, fallback);
        return fallback;
    }
}
