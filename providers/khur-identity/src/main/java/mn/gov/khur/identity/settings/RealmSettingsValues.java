package mn.gov.khur.identity.settings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Typed reading of the values an operator saved in a realm-settings component (admin console tab).
 * A blank value means "not set here: use the server's environment/SPI default". Messages name the
 * setting by its label and never repeat a secret.
 */
public final class RealmSettingsValues {

    /** Keycloak's vault expression, resolved through the server's vault provider. */
    private static final Pattern VAULT_REFERENCE = Pattern.compile("\\$\\{vault\\.[^}]+}");

    private final Map<String, List<String>> config;

    public RealmSettingsValues(Map<String, List<String>> config) {
        this.config = config == null ? Map.of() : config;
    }

    public Optional<String> text(String name) {
        List<String> values = config.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    /** A whole number in {@code [min, max]}, or empty when not set. */
    public OptionalInt wholeNumber(String name, String label, int min, int max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new InvalidRealmSettingException(label + " must be a whole number from " + min + " to " + max
                    + ", got " + printable(raw.get()));
        }
        if (value < min || value > max) {
            throw new InvalidRealmSettingException(label + " must be from " + min + " to " + max + ", got " + value);
        }
        return OptionalInt.of(value);
    }

    /**
     * A secret as stored: a vault reference ({@code ${vault.<key>}}, resolved at run time) or the secret
     * itself, which must then be at least {@code minPlainBytes} long (a short HMAC key is guessable offline).
     */
    public Optional<String> secretReference(String name, String label, int minPlainBytes) {
        Optional<String> raw = text(name);
        if (raw.isPresent() && !isVaultReference(raw.get()) && raw.get().getBytes(StandardCharsets.UTF_8).length < minPlainBytes) {
            throw new InvalidRealmSettingException(label + " must be a vault reference such as ${vault.key-name} or at least "
                    + minPlainBytes + " bytes long");
        }
        return raw;
    }

    public static boolean isVaultReference(String value) {
        return value != null && VAULT_REFERENCE.matcher(value.strip()).matches();
    }

    /** Echoes a rejected non-secret value back shortened, so a pasted essay does not end up in the message. */
    private static String printable(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
