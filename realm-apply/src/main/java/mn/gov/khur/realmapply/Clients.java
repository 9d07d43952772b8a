package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clients by clientId and the realm's roles. Missing clients and roles come in through Keycloak's partial import
 * ({@code ifResourceExists=SKIP}: it never touches what exists; its OVERWRITE would delete and re-create a client,
 * and with it the client's sessions). Existing clients are updated in place ({@code PUT /clients/{id}}: sessions,
 * consents and the client's id stay), their mappers and client-scope links one by one.
 */
final class Clients implements Reconciler {

    /**
     * Client attributes Keycloak's {@code secret-rotation} policy keeps: when the secret was made and expires, and the
     * rotated secret of the grace period. The live server's, like {@code notBefore}: realm-config sets the expiration
     * only so that an import does not leave it to the first logins (they would race to write it), and sending it in
     * an update makes Keycloak's policy rewrite it.
     */
    static final Set<String> SECRET_ROTATION_ATTRIBUTES = Set.of("client.secret.creation.time",
            "client.secret.expiration.time", "client.secret.rotated", "client.secret.rotated.creation.time",
            "client.secret.rotated.expiration.time");

    /** Fields handled separately or meaningful only inside one server (ids, flow-binding ids, the secret's clock). */
    private static final Set<String> NOT_COMPARED = union(Set.of("id", "protocolMappers", "defaultClientScopes",
            "optionalClientScopes", "authenticationFlowBindingOverrides", "authorizationSettings", "access", "notBefore"),
            SECRET_ROTATION_ATTRIBUTES);

    private final AdminRest rest;
    private final JsonNode file;

    Clients(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> live = Names.byField(rest.get("/clients"), "clientId");
        ArrayNode missing = JsonNodeFactory.instance.arrayNode();
        for (JsonNode want : file.path("clients")) {
            String clientId = want.path("clientId").asText();
            JsonNode have = live.get(clientId);
            if (have == null) {
                missing.add(want);
                continue;
            }
            String id = have.path("id").asText();
            List<String> differences = JsonCompare.differences("", want, have, NOT_COMPARED);
            if (!differences.isEmpty()) {
                // notBefore is the client's revocation, the live server's (left out, Keycloak keeps it)
                ObjectNode body = Secrets.keepMasked(Names.without(want, "id", "protocolMappers", "defaultClientScopes",
                        "optionalClientScopes", "authenticationFlowBindingOverrides", "authorizationSettings", "notBefore"), have);
                body.put("id", id);
                if (body.path("attributes") instanceof ObjectNode attributes) {
                    attributes.remove(SECRET_ROTATION_ATTRIBUTES);
                }
                changes.add(new Change("client", clientId, "update", differences, () -> rest.put("/clients/" + id, body)));
            }
            changes.addAll(ProtocolMappers.sync(rest, "client " + clientId, () -> "/clients/" + id,
                    want.path("protocolMappers"), have.path("protocolMappers")));
            changes.addAll(scopeLinks(clientId, id, "default-client-scopes", want.path("defaultClientScopes")));
            changes.addAll(scopeLinks(clientId, id, "optional-client-scopes", want.path("optionalClientScopes")));
        }
        List<String> missingRoles = missingRealmRoles();
        if (!missing.isEmpty() || !missingRoles.isEmpty()) {
            List<String> details = new ArrayList<>();
            missing.forEach(client -> details.add("client " + client.path("clientId").asText()));
            missingRoles.forEach(role -> details.add("realm role " + role));
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("ifResourceExists", "SKIP");
            request.set("clients", missing);
            if (file.has("roles")) {
                request.set("roles", file.get("roles"));
            }
            changes.add(0, new Change("partial import", "clients and roles", "create", details,
                    () -> rest.postForJson("/partialImport", request)));
        }
        return changes;
    }

    private List<String> missingRealmRoles() {
        Set<String> live = Names.byField(rest.get("/roles"), "name").keySet();
        List<String> missing = new ArrayList<>();
        file.path("roles").path("realm").forEach(role -> {
            if (!live.contains(role.path("name").asText())) {
                missing.add(role.path("name").asText());
            }
        });
        return missing;
    }

    private List<Change> scopeLinks(String clientId, String id, String list, JsonNode desiredNames) {
        if (desiredNames.isMissingNode()) {
            return List.of();
        }
        TreeSet<String> want = new TreeSet<>();
        desiredNames.forEach(name -> want.add(name.asText()));
        Map<String, JsonNode> have = Names.byField(rest.get("/clients/" + id + "/" + list), "name");
        if (want.equals(new TreeSet<>(have.keySet()))) {
            return List.of();
        }
        String detail = JsonCompare.line(list, new TreeSet<>(have.keySet()).toString(), want.toString());
        return List.of(new Change("client", clientId, "update", List.of(detail), () -> {
            Map<String, JsonNode> scopes = Names.byField(rest.get("/client-scopes"), "name");
            for (String name : want) {
                if (!have.containsKey(name)) {
                    JsonNode scope = scopes.get(name);
                    if (scope == null) {
                        throw new IllegalStateException("client " + clientId + " names client scope '" + name
                                + "', which the realm does not have");
                    }
                    rest.put("/clients/" + id + "/" + list + "/" + scope.path("id").asText(), null);
                }
            }
            for (Map.Entry<String, JsonNode> entry : have.entrySet()) {
                if (!want.contains(entry.getKey())) {
                    rest.delete("/clients/" + id + "/" + list + "/" + entry.getValue().path("id").asText());
                }
            }
        }));
    }
}
