package mn.gov.khur.it.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Offline access for {@code demo-rp}, given the way an operator gives it to a site that needs it (it is nobody's by
 * default): the optional client scope {@code offline_access} on the site's client and the role for the citizen.
 * {@link #close} takes the scope back, so other tests see the realm as shipped.
 */
public final class DemoSiteOfflineAccess implements AutoCloseable {

    private final AdminApi admin;
    private final String client;
    private final String scope;

    private DemoSiteOfflineAccess(AdminApi admin, String client, String scope) {
        this.admin = admin;
        this.client = client;
        this.scope = scope;
    }

    /** Gives {@code demo-rp} the scope and the citizen the role. */
    public static DemoSiteOfflineAccess grantTo(AdminApi admin, String userId) {
        String client = Json.parse(admin.get("/admin/realms/khur/clients?clientId=demo-rp").body()).get(0).path("id").asText();
        String scope = null;
        for (JsonNode candidate : Json.parse(admin.get("/admin/realms/khur/client-scopes").body())) {
            if (candidate.path("name").asText().equals("offline_access")) {
                scope = candidate.path("id").asText();
            }
        }
        expect204(admin.put("/admin/realms/khur/clients/" + client + "/optional-client-scopes/" + scope, "").statusCode());
        JsonNode role = Json.parse(admin.get("/admin/realms/khur/roles/offline_access").body());
        expect204(admin.post("/admin/realms/khur/users/" + userId + "/role-mappings/realm", "[" + role + "]").statusCode());
        return new DemoSiteOfflineAccess(admin, client, scope);
    }

    /** {@code demo-rp}'s internal id, for the admin API's offline-session listing. */
    public String clientInternalId() {
        return client;
    }

    @Override
    public void close() {
        admin.delete("/admin/realms/khur/clients/" + client + "/optional-client-scopes/" + scope);
    }

    private static void expect204(int status) {
        if (status != 204) {
            throw new AssertionError("admin API answered " + status);
        }
    }
}
