package mn.gov.khur.realmapply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm's own settings ({@code PUT /admin/realms/{realm}}: tokens, sessions, brute force, password policy,
 * events, themes, locales, flow bindings, attributes …) and its client policies and profiles (their own
 * endpoints). Runs after the flows exist, since the realm binds them by alias. Attributes the file does not name
 * are kept (the version stamp is written last, by {@link VersionStamp}).
 */
final class RealmSettings implements Reconciler {

    /** Parts of the realm representation that other reconcilers handle, or that belong to the live server. */
    static final Set<String> NOT_SETTINGS = Set.of("id", "users", "federatedUsers", "clients", "clientScopes",
            "identityProviders", "identityProviderMappers", "components", "authenticationFlows", "authenticatorConfig",
            "requiredActions", "roles", "groups", "defaultRole", "defaultRoles", "scopeMappings", "clientScopeMappings",
            "keycloakVersion", "defaultDefaultClientScopes", "defaultOptionalClientScopes", "clientProfiles",
            "clientPolicies", "organizations", "applications", "oauthClients", "clientTemplates", "localizationTexts",
            // revocation ("Revocation → Set to now" in an incident) is the live server's: the file's 0 would
            // make tokens issued before the revocation valid again
            "notBefore");

    private final AdminRest rest;
    private final JsonNode file;

    RealmSettings(AdminRest rest, JsonNode file) {
        this.rest = rest;
        this.file = file;
    }

    @Override
    public List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        ObjectNode desired = desired(file);
        JsonNode live = rest.get("");
        List<String> differences = new ArrayList<>(JsonCompare.differences("", desired, live));
        // Keycloak writes a policy without arguments back without its "()": the same policy
        differences.removeIf(line -> line.startsWith(".passwordPolicy:")
                && policy(desired.path("passwordPolicy").asText()).equals(policy(live.path("passwordPolicy").asText())));
        if (!differences.isEmpty()) {
            changes.add(new Change("realm settings", rest.realm(), "update", differences,
                    () -> rest.put("", overlay(rest.get(""), desired))));
        }
        policies(changes, "clientProfiles", "/client-policies/profiles");
        policies(changes, "clientPolicies", "/client-policies/policies");
        return changes;
    }

    private static String policy(String policy) {
        return policy.replace("()", "").replaceAll("\\s+", " ").strip();
    }

    static ObjectNode desired(JsonNode file) {
        ObjectNode desired = ((ObjectNode) file).deepCopy();
        desired.remove(NOT_SETTINGS);
        if (desired.get("attributes") instanceof ObjectNode attributes) {
            attributes.remove(RealmConfigFile.VERSION_ATTRIBUTE);
        }
        return desired;
    }

    /**
     * The live representation with the file's settings laid over it: what the PUT does not name keeps its value,
     * and attributes the file does not name (the version stamp, anything an operator added) are kept.
     */
    static ObjectNode overlay(JsonNode live, ObjectNode desired) {
        ObjectNode body = ((ObjectNode) live).deepCopy();
        ObjectNode attributes = body.get("attributes") instanceof ObjectNode existing ? existing : body.putObject("attributes");
        if (desired.get("attributes") instanceof ObjectNode wanted) {
            attributes.setAll(wanted.deepCopy());
        }
        ObjectNode rest = desired.deepCopy();
        rest.remove("attributes");
        body.setAll(rest);
        return Secrets.keepMasked(body, live);
    }

    private void policies(List<Change> changes, String field, String path) {
        JsonNode want = file.path(field);
        if (want.isMissingNode()) {
            return;
        }
        JsonNode have = rest.get(path);
        List<String> differences = new ArrayList<>(JsonCompare.differences("", want, have));
        JsonCompare.differences("", have, want).forEach(line -> differences.add("(not in realm-config) " + line));
        if (!differences.isEmpty()) {
            changes.add(new Change("client policies", field, "update", differences, () -> rest.put(path, want)));
        }
    }
}
