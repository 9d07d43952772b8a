package mn.gov.khur.sms.inbound;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.gov.khur.identity.settings.RealmSettingsTabs;
import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.audit.JpaInboundSmsAuditLog;
import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.challenge.SmsFeedback;
import mn.gov.khur.sms.notice.KeycloakNoticeReplies;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
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
    private final StatusLongPoll longPoll;

    SmsGatewayResource(KeycloakSession session, RealmSmsGateways gateways, StatusLongPoll longPoll) {
        this.session = session;
        this.gateways = gateways;
        this.longPoll = longPoll;
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
            Optional<SmsGatewayComponents> gateway = gateways.ofRealm(realm,
                    stored -> RealmSettingsTabs.resolveSecret(session, stored));
            if (gateway.isEmpty()) {
                // no SMS gateway in this realm: nothing here to authenticate against, nothing to say
                LOG.debugf("Inbound SMS posted to realm %s, which has no SMS gateway", realm.getName());
                return json(GatewayReply.error(404, "not_found"));
            }
            SmsGatewayComponents components = gateway.get();
            InboundHttpRequest request = new InboundHttpRequest(session.getContext().getConnection().getRemoteAddr(),
                    contentType, contentLength, timestamp, signature, body);
            InboundSmsHandler handler = new InboundSmsHandler(components, new ReverseSmsChallenges(session),
                    session.singleUseObjects(), JpaInboundSmsAuditLog.forSession(session),
                    new BruteForceWrongCodeReporter(session), this::wakeAfterCommit, new KeycloakNoticeReplies(session));
            return json(handler.handle(realm, request));
        } catch (RuntimeException fault) {
            LOG.error("Inbound SMS webhook failed", fault);
            gateways.server().metrics().count(InboundSmsOutcome.SERVER_ERROR); // meters are shared by all realms
            session.getTransactionManager().setRollbackOnly();
            return json(GatewayReply.error(500, "server_error"));
        }
    }

    /**
     * Asked by the waiting page. The id is a 128-bit capability; the answer says only
     * pending / matched / expired (also for ids that never existed). With {@code ?wait=N} (seconds,
     * 0-60, capped by {@link StatusWaitSettings}) a pending challenge is answered when it is matched or
     * at the end of the wait (or of the challenge's life), whichever comes first; no thread waits.
     * This request's session is closed when the method returns, so the held part never touches it.
     * A pending answer may carry {@code "feedback"} ({@link SmsFeedback}: an SMS came but did not count, told
     * only as the page itself would); one the page has not {@code ?seen} yet is answered without waiting.
     */
    @GET
    @Path("challenges/{challengeId}/status")
    public CompletionStage<Response> status(@PathParam("challengeId") String challengeId,
                                            @QueryParam("wait") String wait, @QueryParam("seen") String seen) {
        try {
            if (challengeId == null || !challengeId.matches("[A-Za-z0-9_-]{22}")) {
                return answered(GatewayReply.invalidRequest("challengeId is malformed"));
            }
            Duration hold;
            try {
                hold = longPoll == null ? Duration.ZERO : longPoll.settings().holdFor(wait);
            } catch (IllegalArgumentException badWait) {
                return answered(GatewayReply.invalidRequest(badWait.getMessage()));
            }
            ReverseSmsChallenges challenges = new ReverseSmsChallenges(session);
            ChallengeStatus status = challenges.status(session.getContext().getRealm(), challengeId);
            Optional<SmsFeedback> feedback = status == ChallengeStatus.PENDING
                    ? challenges.feedback(session.getContext().getRealm(), challengeId) : Optional.empty();
            if (feedback.isPresent() && (hold.isZero() || !feedback.get().wireName().equals(seen))) {
                return answered(GatewayReply.pending(feedback.get().wireName()));
            }
            if (status != ChallengeStatus.PENDING || hold.isZero()) {
                return answered(GatewayReply.ok(status.wireName()));
            }
            Duration left = challenges.timeLeft(challengeId).orElse(Duration.ZERO);
            Instant deadline = Instant.now().plus(left.compareTo(hold) < 0 ? left : hold);
            return longPoll.waiter().hold(challengeId, deadline)
                    .map(held -> held.handle(SmsGatewayResource::heldAnswer))
                    .orElseGet(() -> answered(GatewayReply.ok(status.wireName())));
        } catch (RuntimeException fault) {
            LOG.error("Reverse-SMS status lookup failed", fault);
            return answered(GatewayReply.error(500, "server_error"));
        }
    }

    // after commit: the page's Continue must find the match entry, which is written at commit
    private void wakeAfterCommit(String challengeId) {
        if (longPoll != null) {
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    longPoll.waiter().wake(challengeId);
                }

                @Override
                protected void rollbackImpl() {
                }
            });
        }
    }

    private static Response heldAnswer(ChallengeStatus status, Throwable fault) {
        if (fault != null) {
            LOG.error("Reverse-SMS held status lookup failed", fault);
            return json(GatewayReply.error(500, "server_error"));
        }
        return json(GatewayReply.ok(status.wireName()));
    }

    private static CompletionStage<Response> answered(GatewayReply reply) {
        return CompletableFuture.completedFuture(json(reply));
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
