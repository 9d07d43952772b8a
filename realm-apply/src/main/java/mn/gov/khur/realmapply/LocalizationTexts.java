package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm's own message texts per locale ({@code localizationTexts}: the admin console's names for our user-profile
 * attributes, the sandbox banks' pages …). Keycloak's realm update ({@code PUT /admin/realms/{realm}}) ignores them
 * and its realm representation does not return them, so they have their own endpoint:
 * {@code GET /localization/{locale}} and {@code POST /localization/{locale}} (adds or replaces the keys sent, keeps
 * the others). Keys the file does not name stay as they are (an operator's own overrides from the console).
 */
final class LocalizationTexts implements Reconciler {

    private final AdminRest rest;
    private final JsonNode file;

    LocalizationTexts(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> locales = file.path("localizationTexts").fields(); locales.hasNext(); ) {
            Map.Entry<String, JsonNode> locale = locales.next();
            String path = "/localization/" + AdminRest.segment(locale.getKey());
            JsonNode live = rest.get(path);
            ObjectNode changed = JsonNodeFactory.instance.objectNode();
            List<String> details = new ArrayList<>();
            locale.getValue().fields().forEachRemaining(text -> {
                JsonNode have = live.path(text.getKey());
                if (!have.isTextual() || !have.asText().equals(text.getValue().asText())) {
                    changed.put(text.getKey(), text.getValue().asText());
                    details.add(JsonCompare.line(locale.getKey() + "." + text.getKey(),
                            have.isTextual() ? have.asText() : "(unset)", text.getValue().asText()));
                }
            });
            if (!changed.isEmpty()) {
                changes.add(new Change("localization texts", locale.getKey(), "update", details,
                        () -> rest.post(path, changed)));
            }
        }
        return changes;
    }
}
