package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The banks (identity providers) by alias, and their mappers by name. A missing provider comes in through partial
 * import with SKIP; an existing one is updated in place ({@code PUT}): removing and re-adding a provider, as
 * partial import's OVERWRITE does, would delete every citizen's link to that bank. Providers not in the file are
 * left alone. Keycloak masks client secrets in what it returns, so a secret is never seen to differ, and the PUT
 * carries the mask back (Keycloak keeps the stored secret): a bank's secret is set at creation, then rotated in the
 * admin console or the vault, never overwritten by realm-config.
 */
final class IdentityProviders implements Reconciler {

    private final AdminRest rest;
    private final JsonNode file;

    IdentityProviders(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> live = Names.byField(rest.get("/identity-provider/instances"), "alias");
        ArrayNode missing = JsonNodeFactory.instance.arrayNode();
        ArrayNode missingMappers = JsonNodeFactory.instance.arrayNode();
        for (JsonNode want : file.path("identityProviders")) {
            String alias = want.path("alias").asText();
            JsonNode have = live.get(alias);
            if (have == null) {
                missing.add(want);
                file.path("identityProviderMappers").forEach(mapper -> {
                    if (alias.equals(mapper.path("identityProviderAlias").asText())) {
                        missingMappers.add(mapper);
                    }
                });
                continue;
            }
            // updateProfileFirstLoginMode: still in exports, no longer stored by Keycloak 26
            List<String> differences = JsonCompare.differences("", want, have, Set.of("internalId", "updateProfileFirstLoginMode"));
            if (!differences.isEmpty()) {
                ObjectNode body = Secrets.keepMasked(Names.without(want, "internalId"), have);
                body.put("internalId", have.path("internalId").asText());
                changes.add(new Change("identity provider", alias, "update", differences,
                        () -> rest.put("/identity-provider/instances/" + AdminRest.segment(alias), body)));
            }
            changes.addAll(mappers(alias));
        }
        if (!missing.isEmpty()) {
            List<String> details = new ArrayList<>();
            missing.forEach(provider -> details.add("identity provider " + provider.path("alias").asText()));
            ObjectNode request = JsonNodeFactory.instance.objectNode();
            request.put("ifResourceExists", "SKIP");
            request.set("identityProviders", missing);
            request.set("identityProviderMappers", missingMappers);
            changes.add(0, new Change("partial import", "identity providers", "create", details,
                    () -> rest.postForJson("/partialImport", request)));
        }
        return changes;
    }

    private List<Change> mappers(String alias) {
        String base = "/identity-provider/instances/" + AdminRest.segment(alias) + "/mappers";
        List<Change> changes = new ArrayList<>();
        Map<String, JsonNode> live = Names.byField(rest.get(base), "name");
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (JsonNode want : file.path("identityProviderMappers")) {
            if (!alias.equals(want.path("identityProviderAlias").asText())) {
                continue;
            }
            String name = want.path("name").asText();
            wanted.add(name);
            JsonNode have = live.get(name);
            if (have == null) {
                changes.add(new Change("identity provider mapper", alias + " / " + name, "create", List.of(),
                        () -> rest.post(base, Names.without(want, "id"))));
                continue;
            }
            List<String> differences = JsonCompare.differences("", want, have, Set.of("id"));
            if (!differences.isEmpty()) {
                ObjectNode body = Names.without(want, "id");
                body.put("id", have.path("id").asText());
                changes.add(new Change("identity provider mapper", alias + " / " + name, "update", differences,
                        () -> rest.put(base + "/" + have.path("id").asText(), body)));
            }
        }
        live.forEach((name, have) -> {
            if (!wanted.contains(name)) {
                changes.add(new Change("identity provider mapper", alias + " / " + name, "remove",
                        List.of("not in realm-config"), () -> rest.delete(base + "/" + have.path("id").asText())));
            }
        });
        return changes;
    }
}
