package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The protocol mappers of one client or client scope, by name: created, updated, and removed when not in the file. */
final class ProtocolMappers {

    private ProtocolMappers() {
    }

    /**
     * @param owner what the changes name ("client demo-rp")
     * @param basePath realm-relative path of the owner ("/clients/{id}"), resolved when the change runs
     */
    static List<Change> sync(AdminRest rest, String owner, java.util.function.Supplier<String> basePath,
                             JsonNode desiredMappers, JsonNode liveMappers) {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> desired = Names.byField(desiredMappers, "name");
        Map<String, JsonNode> live = Names.byField(liveMappers, "name");
        for (Map.Entry<String, JsonNode> entry : desired.entrySet()) {
            JsonNode want = entry.getValue();
            JsonNode have = live.get(entry.getKey());
            if (have == null) {
                changes.add(new Change("protocol mapper", owner + " / " + entry.getKey(), "create", List.of(),
                        () -> rest.post(basePath.get() + "/protocol-mappers/models", Names.without(want, "id"))));
                continue;
            }
            List<String> differences = JsonCompare.differences("", want, have, Set.of("id"));
            if (!differences.isEmpty()) {
                ObjectNode body = Names.without(want, "id");
                body.put("id", have.path("id").asText());
                changes.add(new Change("protocol mapper", owner + " / " + entry.getKey(), "update", differences,
                        () -> rest.put(basePath.get() + "/protocol-mappers/models/" + have.path("id").asText(), body)));
            }
        }
        for (Map.Entry<String, JsonNode> entry : live.entrySet()) {
            if (!desired.containsKey(entry.getKey())) {
                String id = entry.getValue().path("id").asText();
                changes.add(new Change("protocol mapper", owner + " / " + entry.getKey(), "remove", List.of("not in realm-config"),
                        () -> rest.delete(basePath.get() + "/protocol-mappers/models/" + id)));
            }
        }
        return changes;
    }
}
