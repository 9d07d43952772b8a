package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Client scopes by name (settings and protocol mappers) and the realm's default and optional scope lists.
 * Scopes that are not in the file are left alone (an operator may have added one for a site).
 */
final class ClientScopes implements Reconciler {

    private final AdminRest rest;
    private final JsonNode file;

    ClientScopes(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> live = Names.byField(rest.get("/client-scopes"), "name");
        for (JsonNode want : file.path("clientScopes")) {
            String name = want.path("name").asText();
            JsonNode have = live.get(name);
            if (have == null) {
                changes.add(new Change("client scope", name, "create", List.of(),
                        () -> rest.post("/client-scopes", Names.without(want, "id"))));
                continue;
            }
            String id = have.path("id").asText();
            List<String> differences = JsonCompare.differences("", want, have, Set.of("id", "protocolMappers"));
            if (!differences.isEmpty()) {
                ObjectNode body = Names.without(want, "id", "protocolMappers");
                body.put("id", id);
                changes.add(new Change("client scope", name, "update", differences,
                        () -> rest.put("/client-scopes/" + id, body)));
            }
            changes.addAll(ProtocolMappers.sync(rest, "client scope " + name, () -> "/client-scopes/" + id,
                    want.path("protocolMappers"), have.path("protocolMappers")));
        }
        changes.addAll(realmDefaults("default-default-client-scopes", file.path("defaultDefaultClientScopes")));
        changes.addAll(realmDefaults("default-optional-client-scopes", file.path("defaultOptionalClientScopes")));
        return changes;
    }

    private List<Change> realmDefaults(String list, JsonNode desiredNames) {
        if (desiredNames.isMissingNode()) {
            return List.of();
        }
        TreeSet<String> want = new TreeSet<>();
        desiredNames.forEach(name -> want.add(name.asText()));
        Map<String, JsonNode> have = Names.byField(rest.get("/" + list), "name");
        if (want.equals(new TreeSet<>(have.keySet()))) {
            return List.of();
        }
        String detail = JsonCompare.line("realm " + list, new TreeSet<>(have.keySet()).toString(), want.toString());
        return List.of(new Change("realm scopes", list, "update", List.of(detail), () -> {
            Map<String, JsonNode> scopes = Names.byField(rest.get("/client-scopes"), "name");
            for (String name : want) {
                if (!have.containsKey(name)) {
                    rest.put("/" + list + "/" + scopes.get(name).path("id").asText(), null);
                }
            }
            for (Map.Entry<String, JsonNode> entry : have.entrySet()) {
                if (!want.contains(entry.getKey())) {
                    rest.delete("/" + list + "/" + entry.getValue().path("id").asText());
                }
            }
        }));
    }
}
