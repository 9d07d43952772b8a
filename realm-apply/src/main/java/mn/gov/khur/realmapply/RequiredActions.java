package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Required actions by alias: enabled, default, priority, configuration; registered when missing. */
final class RequiredActions implements Reconciler {

    private final AdminRest rest;
    private final JsonNode file;

    RequiredActions(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> live = Names.byField(rest.get("/authentication/required-actions"), "alias");
        for (JsonNode want : file.path("requiredActions")) {
            String alias = want.path("alias").asText();
            String path = "/authentication/required-actions/" + AdminRest.segment(alias);
            JsonNode have = live.get(alias);
            if (have == null) {
                ObjectNode registration = JsonNodeFactory.instance.objectNode();
                registration.put("providerId", want.path("providerId").asText());
                registration.put("name", want.path("name").asText());
                changes.add(new Change("required action", alias, "create", List.of(), () -> {
                    rest.post("/authentication/register-required-action", registration);
                    rest.put(path, want);
                }));
                continue;
            }
            List<String> differences = JsonCompare.differences("", want, have, Set.of());
            if (!differences.isEmpty()) {
                changes.add(new Change("required action", alias, "update", differences, () -> rest.put(path, want)));
            }
        }
        return changes;
    }
}
