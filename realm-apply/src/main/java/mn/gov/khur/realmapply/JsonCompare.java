package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a live representation does not say what the file says. Only what the file sets is compared (the server
 * adds defaults and computed fields of its own); scalars compare by text ("true" in a placeholder equals true);
 * arrays of scalars compare as sets (Keycloak stores redirect URIs, locales … as sets); a masked secret
 * ("**********") is never compared.
 */
final class JsonCompare {

    static final String MASKED = "**********";
    private static final int SHOWN = 160;

    private JsonCompare() {
    }

    /** Lines {@code path: live → file} for each place the live tree lacks what the desired one says. */
    static List<String> differences(String path, JsonNode desired, JsonNode live, Set<String> ignoredFields) {
        List<String> out = new ArrayList<>();
        compare(path, desired, live == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : live,
                ignoredFields, out);
        return out;
    }

    static List<String> differences(String path, JsonNode desired, JsonNode live) {
        return differences(path, desired, live, Set.of());
    }

    private static void compare(String path, JsonNode desired, JsonNode live, Set<String> ignored, List<String> out) {
        if (desired == null || desired.isNull() || desired.isMissingNode()) {
            return;
        }
        if (desired.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!ignored.contains(field.getKey())) {
                    compare(path + "." + field.getKey(), field.getValue(), live.path(field.getKey()), ignored, out);
                }
            }
            return;
        }
        if (desired.isArray()) {
            compareArray(path, desired, live, ignored, out);
            return;
        }
        String want = desired.asText();
        if (live.isMissingNode() || live.isNull()) {
            if (!want.isEmpty() && !want.equals("false") && !want.equals("0")) {
                out.add(line(path, "(unset)", want));
            }
            return;
        }
        if (MASKED.equals(live.asText())) {
            return;
        }
        if (live.isContainerNode() || !want.equals(live.asText())) {
            out.add(line(path, live.toString(), want));
        }
    }

    private static void compareArray(String path, JsonNode desired, JsonNode live, Set<String> ignored, List<String> out) {
        boolean scalars = true;
        for (JsonNode element : desired) {
            scalars &= element.isValueNode();
        }
        if (!live.isArray()) {
            if (!desired.isEmpty()) {
                out.add(line(path, live.isMissingNode() ? "(unset)" : live.toString(), desired.toString()));
            }
            return;
        }
        if (scalars) {
            if (!texts(desired).equals(texts(live))) {
                out.add(line(path, texts(live).toString(), texts(desired).toString()));
            }
            return;
        }
        if (desired.size() != live.size()) {
            out.add(line(path, live.size() + " entries", desired.size() + " entries"));
            return;
        }
        for (int i = 0; i < desired.size(); i++) {
            compare(path + "[" + i + "]", desired.get(i), live.get(i), ignored, out);
        }
    }

    private static TreeSet<String> texts(JsonNode array) {
        TreeSet<String> texts = new TreeSet<>();
        array.forEach(element -> texts.add(element.isValueNode() ? element.asText() : element.toString()));
        return texts;
    }

    /** {@code path: live → file}; a secret's values are not printed (the Job's log is read by more people). */
    static String line(String path, String live, String desired) {
        if (Secrets.hidden(path, live, desired)) {
            return path + ": " + (live.equals("(unset)") ? live : "(hidden)") + " → (hidden, differs)";
        }
        return path + ": " + shorten(live) + " → " + shorten(desired);
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
