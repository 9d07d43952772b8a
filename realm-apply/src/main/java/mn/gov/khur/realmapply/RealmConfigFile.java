package mn.gov.khur.realmapply;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.keycloak.common.util.StringPropertyReplacer;

/**
 * realm-config/khur-realm.json with its {@code ${ENV_VAR:default}} placeholders resolved exactly as
 * {@code kc.sh --import-realm} resolves them: Keycloak's own {@link StringPropertyReplacer} over the raw file,
 * environment variables only (the server's import resolver); a placeholder with neither a variable nor a
 * default (the theme's {@code ${role_…}} message keys) stays as written.
 */
public final class RealmConfigFile {

    /** Realm attribute that stamps a realm with the realm-config version it was brought to. */
    public static final String VERSION_ATTRIBUTE = "khurRealmConfigVersion";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.regex.Pattern PLACEHOLDER_WITH_DEFAULT =
            java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):");

    private final ObjectNode realm;
    private final java.util.SortedSet<String> defaulted;

    private RealmConfigFile(ObjectNode realm, java.util.SortedSet<String> defaulted) {
        this.realm = realm;
        this.defaulted = java.util.Collections.unmodifiableSortedSet(defaulted);
    }

    public static RealmConfigFile read(Path file) throws IOException {
        return read(file, System::getenv);
    }

    static RealmConfigFile read(Path file, UnaryOperator<String> environment) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        try (InputStream resolved = StringPropertyReplacer.replaceProperties(new java.io.ByteArrayInputStream(raw), environment::apply)) {
            JsonNode tree = JSON.readTree(resolved);
            if (!(tree instanceof ObjectNode object) || !object.hasNonNull("realm")) {
                throw new IOException(file + " is not a realm representation");
            }
            return new RealmConfigFile(object, defaulted(new String(raw, java.nio.charset.StandardCharsets.UTF_8), environment));
        }
    }

    /**
     * The variables of {@code ${VARIABLE:default}} placeholders that this environment does not set, so that they
     * resolve to realm-config's default (a development value: the dev pairwise salt, empty bank secrets, localhost
     * URLs). A variable set to the empty string is set. Placeholders without a default (message keys) are not named.
     */
    static java.util.SortedSet<String> defaulted(String raw, UnaryOperator<String> environment) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(raw);
        while (placeholder.find()) {
            if (environment.apply(placeholder.group(1)) == null) {
                names.add(placeholder.group(1));
            }
        }
        return names;
    }

    /** The placeholders left at their defaults in this run's environment (empty: every one is the deployment's). */
    public java.util.SortedSet<String> defaultedPlaceholders() {
        return defaulted;
    }

    public ObjectNode realm() {
        return realm;
    }

    public String name() {
        return realm.get("realm").asText();
    }

    /** The realm-config version this file brings a realm to, or -1 when it carries none. */
    public int version() {
        JsonNode value = realm.path("attributes").path(VERSION_ATTRIBUTE);
        try {
            return value.isMissingNode() ? -1 : Integer.parseInt(value.asText());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
