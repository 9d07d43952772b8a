package mn.gov.khur.realmapply;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Secrets in what realm-apply sends and prints. Keycloak masks some secrets in what it returns (a bank's
 * {@code clientSecret}, components' secret settings, the SMTP password) and reads the mask sent back as "keep what is
 * stored": a body PUT over a live object carries the mask wherever the live object shows one, so a value the
 * operators set in the admin console is never overwritten by realm-config's (a secret is set at creation, then
 * rotated in the admin console or the vault). Names that look like secrets are never printed.
 */
final class Secrets {

    /** Keys whose values are not printed: secrets, the pairwise salt, passwords, credentials. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|salt|password|credential).*");
    /** A JSON text naming such a key (a whole object printed as one value). */
    private static final Pattern SECRET_IN_TEXT = Pattern.compile("(?i)\"[^\"]*(secret|salt|password|credential)[^\"]*\"\\s*:");

    private Secrets() {
    }

    /** Copies Keycloak's mask from {@code live} into {@code body} at every place live shows it (in place). */
    static ObjectNode keepMasked(ObjectNode body, JsonNode live) {
        if (live == null || !live.isObject()) {
            return body;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode have = live.get(field.getKey());
            if (have == null) {
                continue;
            }
            if (isMasked(have)) {
                field.setValue(have.deepCopy());
            } else if (field.getValue() instanceof ObjectNode nested) {
                keepMasked(nested, have);
            }
        }
        return body;
    }

    /** The mask itself, or a component setting's one-element list holding it. */
    private static boolean isMasked(JsonNode value) {
        return JsonCompare.MASKED.equals(value.asText(null))
                || value.isArray() && value.size() == 1 && JsonCompare.MASKED.equals(value.get(0).asText(null));
    }

    /** Whether a difference at this path, with these printed values, would show a secret. */
    static boolean hidden(String path, String live, String desired) {
        String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        return SECRET_NAME.matcher(key).matches() || SECRET_IN_TEXT.matcher(live).find()
                || SECRET_IN_TEXT.matcher(desired).find();
    }
}
