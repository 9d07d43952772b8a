package mn.gov.khur.sms.inbound;

import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.audit.JpaInboundSmsAuditLog;
import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.settings.RealmSettingsTabs;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/sms-gateway/...}. Every answer is a small JSON object with
 * {@code Cache-Control: no-store}; a fault of this server is logged and answered 500 without detail.
 */
public final class SmsGatewayResource {

    private static final Logger LOG = Logger.getLogger(SmsGatewayResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmSmsGateways gateways;

    SmsGatewayResource(KeycloakSession session, RealmSmsGateways gateways) {
        this.session = session;
        this.gateways = gateways;
    }

    /** Contract §2: an SMS the citizen sent to the short number, forwarded by the operator's gateway. */
    @POST
    @Path("inbound")
    public Response inbound(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
                            @HeaderParam(InboundSignatureVerifier.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(InboundSignatureVerifier.SIGNATURE_HEADER) String signature,
                            InputStream body) {
        try {
            RealmModel realm = session.getContext().getRealm();
            SmsGatewayComponents components = gateways.forRealm(realm,
                    stored -> RealmSettingsTabs.resolveSecret(session, stored));
            InboundHttpRequest request = new InboundHttpRequest(session.getContext().getConnection().getRemoteAddr(),
                    contentType, contentLength, timestamp, signature, body);
            InboundSmsHandler handler = new InboundSmsHandler(components, new ReverseSmsChallenges(session),
                    session.singleUseObjects(), JpaInboundSmsAuditLog.forSession(session),
                    new BruteForceWrongCodeReporter(session));
            return json(handler.handle(realm, request));
        } catch (RuntimeException fault) {
            LOG.error("Inbound SMS webhook failed", fault);
            gateways.server().metrics().count(InboundSmsOutcome.SERVER_ERROR); // meters are shared by all realms
            session.getTransactionManager().setRollbackOnly();
            return json(GatewayReply.error(500, "server_error"));
        }
    }

    /**
     * Polled by the waiting page. The id is a 128-bit capability; the answer says only
     * pending / matched / expired (also for ids that never existed).
     */
    @GET
    @Path("challenges/{challengeId}/status")
    public Response status(@PathParam("challengeId") String challengeId) {
        try {
            if (challengeId == null || !challengeId.matches("[A-Za-z0-9_-]{22}")) {
                return json(GatewayReply.invalidRequest("challengeId is malformed"));
            }
            ChallengeStatus status = new ReverseSmsChallenges(session).status(session.getContext().getRealm(), challengeId);
            return json(GatewayReply.ok(status.wireName()));
        } catch (RuntimeException fault) {
            LOG.error("Reverse-SMS status lookup failed", fault);
            return json(GatewayReply.error(500, "server_error"));
        }
    }

    private static Response json(GatewayReply reply) {
        Response.ResponseBuilder response = Response.status(reply.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .entity(write(reply.body()));
        reply.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    private static String write(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"server_error\"}"; // a map of strings always serialises; this is unreachable
        }
    }
}
