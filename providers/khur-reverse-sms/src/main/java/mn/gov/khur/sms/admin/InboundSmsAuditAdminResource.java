package mn.gov.khur.sms.admin;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.audit.InboundSmsAuditEntry;
import mn.gov.khur.sms.audit.JpaInboundSmsAuditLog;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/khur-sms-audit?phone=…} or {@code ?user=…}: the inbound-SMS
 * audit of one citizen, for operators who may view users. Phones are shown masked only.
 */
public final class InboundSmsAuditAdminResource {

    private static final int MAX = 200;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator permissions;

    InboundSmsAuditAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator permissions) {
        this.session = session;
        this.realm = realm;
        this.permissions = permissions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@QueryParam("phone") String phone, @QueryParam("user") String userId,
                         @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        permissions.users().requireView();
        int from = first == null || first < 0 ? 0 : first;
        int size = max == null || max < 1 ? 50 : Math.min(max, MAX);
        JpaInboundSmsAuditLog audit = JpaInboundSmsAuditLog.forSession(session);
        List<InboundSmsAuditEntry> entries;
        if (phone != null && !phone.isBlank()) {
            if (MongolianMobileNumber.tryParse(phone).isEmpty()) {
                return error("phone must be a Mongolian mobile number");
            }
            entries = audit.findBySender(realm, phone, from, size);
        } else if (userId != null && !userId.isBlank()) {
            entries = audit.findByUser(realm, userId.trim(), from, size);
        } else {
            return error("give phone or user");
        }
        return Response.ok(entries.stream().map(InboundSmsAuditAdminResource::view).toList())
                .cacheControl(noStore()).build();
    }

    private static Map<String, Object> view(InboundSmsAuditEntry entry) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("processedAt", entry.processedAt().toString());
        view.put("receivedAt", entry.receivedAt() == null ? null : entry.receivedAt().toString());
        view.put("outcome", entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
        view.put("reason", entry.reason());
        view.put("sender", entry.senderMasked());
        view.put("userId", entry.userId());
        view.put("purpose", entry.purpose());
        view.put("challengeToSmsMillis", entry.challengeToSmsMillis());
        view.put("messageIdHash", entry.messageIdHash());
        return view;
    }

    private static Response error(String description) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Map.of("error", "invalid_request", "error_description", description))
                .type(MediaType.APPLICATION_JSON).cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return cacheControl;
    }
}
