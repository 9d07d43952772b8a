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

    private final ObjectNode realm;

    private RealmConfigFile(ObjectNode realm) {
        this.realm = realm;
    }

    public static RealmConfigFile read(Path file) throws IOException {
        return read(file, System::getenv);
    }

    static RealmConfigFile read(Path file, UnaryOperator<String> environment) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream resolved = StringPropertyReplacer.replaceProperties(raw, environment::apply)) {
            JsonNode tree = JSON.readTree(resolved);
            if (!(tree instanceof ObjectNode object) || !object.hasNonNull("realm")) {
                throw new IOException(file + " is not a realm representation");
            }
            return new RealmConfigFile(object);
        }
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
