package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm's components that realm-config lists (client-registration policies …), keyed by type, sub-type and
 * name. Signing keys and the user profile are never handled here (keys are the server's own; the user profile has
 * its endpoint), nor are components the file does not list: the operators' settings tabs (khur-sms-gateway,
 * khur-phone-ownership) are components too, saved in the admin console, and stay as saved.
 */
final class Components implements Reconciler {

    private static final Set<String> NOT_HERE = Set.of("org.keycloak.keys.KeyProvider",
            "org.keycloak.userprofile.UserProfileProvider");

    private final AdminRest rest;
    private final JsonNode file;

    Components(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        String realmId = rest.get("").path("id").asText();
        Map<String, JsonNode> live = Names.byKey(rest.get("/components?parent=" + realmId),
                component -> key(component.path("providerType").asText(), component));
        for (Iterator<Map.Entry<String, JsonNode>> types = file.path("components").fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (NOT_HERE.contains(type.getKey())) {
                continue;
            }
            for (JsonNode want : type.getValue()) {
                String key = key(type.getKey(), want);
                JsonNode have = live.get(key);
                ObjectNode body = Names.without(want, "id", "subComponents");
                body.put("providerType", type.getKey());
                body.put("parentId", realmId);
                if (have == null) {
                    changes.add(new Change("component", key, "create", List.of(), () -> rest.post("/components", body)));
                    continue;
                }
                List<String> differences = JsonCompare.differences("", want, have, Set.of("id", "subComponents", "parentId"));
                if (!differences.isEmpty()) {
                    Secrets.keepMasked(body, have);
                    body.put("id", have.path("id").asText());
                    changes.add(new Change("component", key, "update", differences,
                            () -> rest.put("/components/" + have.path("id").asText(), body)));
                }
            }
        }
        return changes;
    }

    private static String key(String providerType, JsonNode component) {
        String type = providerType.substring(providerType.lastIndexOf('.') + 1);
        String subType = component.path("subType").asText("");
        return type + (subType.isEmpty() ? "" : "/" + subType) + " " + component.path("name").asText();
    }
}
