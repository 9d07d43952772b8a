package mn.gov.khur.registry.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.identity.profile.CitizenAttributes;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.account.RegistryAttributes;
import mn.gov.khur.registry.account.VerifiedNames;
import mn.gov.khur.registry.retry.RegistryRefresh;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Operators and the registry data:
 * <ul>
 *   <li>{@code GET users/{id}}: whether the account's data is registry-verified, since when, from which answer, and
 *       its retry state (view-users);</li>
 *   <li>{@code GET refreshes?state=pending|awaiting_citizen|failed|not_found|refused}: the accounts in that state
 *       (view-users);</li>
 *   <li>{@code POST users/{id}/refresh}: fetch again; the registry requires the citizen's approval, so the citizen's
 *       next login asks for it (manage-users; admin event UPDATE on the user).</li>
 * </ul>
 * Answers are JSON; an unknown user is 404, an unknown state 400, a registry not configured 409.
 */
public final class RegistryAdminResource {

    private static final int MAX = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator permissions;
    private final AdminEventBuilder adminEvent;

    RegistryAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator permissions,
                          AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.permissions = permissions;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    @GET
    @Path("users/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response user(@PathParam("id") String id) {
        permissions.users().requireView();
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            return error(Response.Status.NOT_FOUND, "user_not_found", "no such user");
        }
        return json(Response.Status.OK, view(user));
    }

    @GET
    @Path("refreshes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refreshes(@QueryParam("state") String state, @QueryParam("max") Integer max) {
        permissions.users().requireView();
        String wanted = state == null || state.isBlank() ? RegistryRefresh.State.PENDING.value() : state.strip();
        if (List.of(RegistryRefresh.State.values()).stream().noneMatch(s -> s.value().equals(wanted))) {
            return error(Response.Status.BAD_REQUEST, "invalid_request",
                    "state must be pending, awaiting_citizen, failed, not_found or refused");
        }
        int size = max == null || max < 1 ? 50 : Math.min(max, MAX);
        List<Map<String, Object>> found = session.users()
                .searchForUserByUserAttributeStream(realm, RegistryAttributes.STATE, wanted).limit(size)
                .map(RegistryAdminResource::view).toList();
        return json(Response.Status.OK, found);
    }

    @POST
    @Path("users/{id}/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            permissions.users().requireManage();
            return error(Response.Status.NOT_FOUND, "user_not_found", "no such user");
        }
        permissions.users().requireManage(user);
        if (user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER) == null) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "the account has no register number");
        }
        CitizenRegistry registry = session.getProvider(CitizenRegistry.class);
        if (registry == null || !registry.configured()) {
            return error(Response.Status.CONFLICT, "registry_not_configured", "the state registry is not configured");
        }
        user.removeAttribute(RegistryAttributes.ATTEMPTS);
        RegistryRefresh.awaitCitizen(user, "operator_refresh");
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri()).success();
        return json(Response.Status.ACCEPTED, view(user));
    }

    static Map<String, Object> view(UserModel user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", user.getId());
        view.put("username", user.getUsername());
        view.put("verified", VerifiedNames.holdFor(user));
        view.put("verifiedAt", user.getFirstAttribute(RegistryAttributes.VERIFIED_AT));
        view.put("source", user.getFirstAttribute(RegistryAttributes.SOURCE));
        view.put("state", RegistryRefresh.state(user).map(RegistryRefresh.State::value).orElse(null));
        view.put("attempts", RegistryRefresh.attempts(user));
        view.put("nextAttempt", RegistryRefresh.nextAttempt(user).map(Object::toString).orElse(null));
        view.put("lastOutcome", Optional.ofNullable(user.getFirstAttribute(RegistryAttributes.LAST_OUTCOME)).orElse(null));
        view.put("awaitingCitizen", user.getRequiredActionsStream().anyMatch(RegistryRefresh.REQUIRED_ACTION::equals));
        return view;
    }

    private static Response error(Response.Status status, String error, String description) {
        return json(status, Map.of("error", error, "error_description", description));
    }

    private static Response json(Response.Status status, Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).entity(entity).type(MediaType.APPLICATION_JSON).cacheControl(noStore).build();
    }
}
