package mn.gov.khur.identity.settings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;
import org.keycloak.Config;

/**
 * The server's settings of one provider, all read by one rule (docs/CONFIGURATION.md, "How a setting is read"):
 * <ol>
 *   <li>a realm's own value, where the setting has an admin-console tab ({@link RealmSettingsTab}), for that realm;</li>
 *   <li>else the environment variable ({@code KHUR_…});</li>
 *   <li>else the provider's SPI option ({@code --spi-<spi>--<provider>--<option>} or its {@code KC_SPI_…} variable);</li>
 *   <li>else the built-in default.</li>
 * </ol>
 * The environment wins over the option because the deployments (compose file, image, {@code bin/dev}, the tests) set
 * environment variables; the option stays for operators who keep everything in {@code keycloak.conf}. A blank value
 * counts as unset. A value that is set but unusable is refused when the server starts, with the setting's name
 * ({@link IllegalArgumentException}: Keycloak does not start), never clamped, never silently replaced by the default;
 * a realm's value is refused when the operator saves it ({@link RealmSettingsTab}).
 */
public final class ServerSettings {

    /**
     * The shortest secret accepted as an HMAC key or shared secret: a shorter one is guessable offline from one signed
     * request. Refused at start-up and on save; in dev mode ({@code kc.sh start-dev}) a shorter server secret is only
     * warned about, so the sandbox's and the tests' short secrets keep working.
     */
    public static final int MIN_SECRET_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(ServerSettings.class);

    private final Function<String, String> option;
    private final UnaryOperator<String> env;

    /**
     * @param option an SPI option of this provider by name, null when unset ({@code Config.Scope::get})
     * @param env    an environment variable by name, null when unset ({@code System::getenv} in the server)
     */
    public ServerSettings(Function<String, String> option, UnaryOperator<String> env) {
        this.option = option;
        this.env = env;
    }

    /** A provider's settings as the server reads them: its SPI options and the process environment. */
    public static ServerSettings of(Config.Scope scope) {
        return new ServerSettings(scope::get, System::getenv);
    }

    /**
     * One setting's two names: its environment variable and its SPI option; either may be null (a setting with only
     * one of them).
     */
    public record Setting(String env, String option) {

        public Setting {
            if (env == null && option == null) {
                throw new IllegalArgumentException("a setting needs a name");
            }
        }

        public static Setting env(String env) {
            return new Setting(env, null);
        }

        public static Setting option(String option) {
            return new Setting(null, option);
        }

        /** How messages name it: {@code KHUR_X (option x)}. */
        public String displayName() {
            if (env == null) {
                return option;
            }
            return option == null ? env : env + " (option " + option + ")";
        }
    }

    /** The value in force, stripped: the environment variable's, else the option's; empty when neither is set. */
    public Optional<String> text(Setting setting) {
        return nonBlank(setting.env() == null ? null : env.apply(setting.env()))
                .or(() -> nonBlank(setting.option() == null ? null : option.apply(setting.option())));
    }

    public String text(Setting setting, String fallback) {
        return text(setting).orElse(fallback);
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when unset. */
    public int wholeNumber(Setting setting, int fallback, int min, int max) {
        Optional<String> raw = text(setting);
        if (raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.get());
        } catch (NumberFormatException e) {
            throw refused(setting, "must be a whole number in " + range(min, max) + ", got " + printable(raw.get()));
        }
        if (value < min || value > max) {
            throw refused(setting, "must be a whole number in " + range(min, max) + ", got " + value);
        }
        return (int) value;
    }

    /** {@code true} or {@code false} (any case), or {@code fallback} when unset. */
    public boolean flag(Setting setting, boolean fallback) {
        Optional<String> raw = text(setting);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused(setting, "must be true or false, got " + printable(raw.get()));
        };
    }

    /** An absolute http(s) URL, or empty when unset. */
    public Optional<URI> httpUrl(Setting setting) {
        return text(setting).map(value -> {
            try {
                URI uri = URI.create(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // answered below, without the parser's wording
            }
            throw refused(setting, "must be an absolute http(s) URL, got " + printable(value));
        });
    }

    /**
     * A secret of at least {@link #MIN_SECRET_BYTES} bytes, or empty when unset. Never repeated in a message.
     *
     * @param devMode whether Keycloak runs in dev mode: then a shorter secret is warned about, not refused
     */
    public Optional<String> secret(Setting setting, boolean devMode) {
        Optional<String> secret = text(setting);
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            String problem = "must be at least " + MIN_SECRET_BYTES + " bytes long (a long random secret)";
            if (!devMode) {
                throw refused(setting, problem);
            }
            LOG.warnf("%s %s; accepted in dev mode only", setting.displayName(), problem);
        }
        return secret;
    }

    /** The start-up refusal of a setting: its name and what is wrong, never a secret. */
    public static IllegalArgumentException refused(Setting setting, String problem) {
        return new IllegalArgumentException(setting.displayName() + " " + problem);
    }

    private static String range(int min, int max) {
        return min + ".." + max;
    }

    /** Echoes a refused non-secret value back shortened, so a pasted essay does not end up in the log. */
    private static String printable(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
