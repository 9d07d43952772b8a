package mn.gov.khur.sms.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.audit.AuditHasher;
import mn.gov.khur.sms.audit.InboundSmsAuditLog;
import mn.gov.khur.sms.audit.InboundSmsAuditRecord;
import mn.gov.khur.sms.audit.InboundSmsOutcome;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.MatchEvidence;
import mn.gov.khur.sms.challenge.MatchOutcome;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;
import mn.gov.khur.sms.notice.DeniedLogin;
import mn.gov.khur.sms.notice.NoticeReplies;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@code POST /realms/{realm}/sms-gateway/inbound} (contract §2), in this order:
 * configured (503) → media type (415) → size (413) → signature (401) → body (400) →
 * sender rate (429) → messageId seen before (200 duplicate) → match (200 matched / unmatched), or for a "0"
 * every login notice pending for that phone (200 revoked / unmatched).
 *
 * <p>Unauthenticated rejects (415, 413, 401) spend the caller IP's failure budget; once it is spent
 * they are answered 429 without an audit row, so a flood cannot fill the audit table. Authentic
 * requests never wait for that budget. Everything else is audited, one row per request.
 */
final class InboundSmsHandler {

    static final int MAX_BODY_BYTES = 4096;
    private static final String MESSAGE_KEY_PREFIX = "khur-sms:message:";
    private static final Logger LOG = Logger.getLogger(InboundSmsHandler.class);

    private final SmsGatewayComponents components;
    private final ReverseSmsChallenges challenges;
    private final SingleUseObjectProvider store;
    private final InboundSmsAuditLog audit;
    private final WrongCodeReporter wrongCodes;
    private final Consumer<String> onMatched;
    private final NoticeReplies noticeReplies;

    InboundSmsHandler(SmsGatewayComponents components, ReverseSmsChallenges challenges, SingleUseObjectProvider store,
                      InboundSmsAuditLog audit, WrongCodeReporter wrongCodes) {
        this(components, challenges, store, audit, wrongCodes, challengeId -> { });
    }

    /** @param onMatched told the id of each challenge this handler matched (to wake held status requests) */
    InboundSmsHandler(SmsGatewayComponents components, ReverseSmsChallenges challenges, SingleUseObjectProvider store,
                      InboundSmsAuditLog audit, WrongCodeReporter wrongCodes, Consumer<String> onMatched) {
        this(components, challenges, store, audit, wrongCodes, onMatched, NoticeReplies.NONE);
    }

    /** @param noticeReplies acts on a "0" answering a login notice */
    InboundSmsHandler(SmsGatewayComponents components, ReverseSmsChallenges challenges, SingleUseObjectProvider store,
                      InboundSmsAuditLog audit, WrongCodeReporter wrongCodes, Consumer<String> onMatched,
                      NoticeReplies noticeReplies) {
        this.noticeReplies = noticeReplies;
        this.components = components;
        this.challenges = challenges;
        this.store = store;
        this.audit = audit;
        this.wrongCodes = wrongCodes;
        this.onMatched = onMatched;
    }

    GatewayReply handle(RealmModel realm, InboundHttpRequest request) {
        Instant now = components.clock().instant();
        String ip = request.remoteAddr() == null ? "unknown" : request.remoteAddr();
        if (!components.settings().secretConfigured()) {
            components.metrics().count(InboundSmsOutcome.NOT_CONFIGURED);
            return GatewayReply.error(503, "not_configured");
        }
        if (!isJson(request.contentType())) {
            return rejectUnauthenticated(realm, ip, now, 415, "unsupported_media_type",
                    InboundSmsOutcome.REJECTED_INVALID, "unsupported_media_type");
        }
        if (declaredLength(request.contentLength()) > MAX_BODY_BYTES) {
            return rejectUnauthenticated(realm, ip, now, 413, "payload_too_large",
                    InboundSmsOutcome.REJECTED_INVALID, "body_too_large");
        }
        byte[] body;
        try {
            body = readAtMost(request.body(), MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            LOG.debugf("Inbound SMS body could not be read from %s: %s", ip, e.getMessage());
            return GatewayReply.invalidRequest("body could not be read");
        }
        if (body.length > MAX_BODY_BYTES) {
            return rejectUnauthenticated(realm, ip, now, 413, "payload_too_large",
                    InboundSmsOutcome.REJECTED_INVALID, "body_too_large");
        }

        SignatureCheck signature = components.verifier().verify(realm.getName(), request.timestamp(), request.signature(), body, now);
        if (signature != SignatureCheck.VALID) {
            LOG.debugf("Inbound SMS from %s refused: %s", ip, signature.auditReason());
            return rejectUnauthenticated(realm, ip, now, 401, "invalid_signature",
                    InboundSmsOutcome.REJECTED_SIGNATURE, signature.auditReason());
        }

        InboundSms sms;
        try {
            sms = components.parser().parse(body);
        } catch (InvalidInboundSmsException invalid) {
            record(InboundSmsAuditRecord.builder(realm.getId(), now, InboundSmsOutcome.REJECTED_INVALID)
                    .reason(invalid.auditReason())
                    .messageId(invalid.messageId().orElse(null))
                    .senderE164(invalid.from().map(MongolianMobileNumber::e164).orElse(null))
                    .remoteAddr(ip));
            return GatewayReply.invalidRequest(invalid.getMessage());
        }
        return handleAuthentic(realm, ip, now, sms);
    }

    private GatewayReply handleAuthentic(RealmModel realm, String ip, Instant now, InboundSms sms) {
        String sender = sms.from().e164();
        TokenBucketRateLimiter.Acquisition senderRate =
                components.messagesPerSender().tryAcquire(realm.getId() + "|" + sender);
        if (!senderRate.allowed()) {
            LOG.debugf("Inbound SMS from %s rate limited", sms.from().masked());
            record(authentic(realm, now, InboundSmsOutcome.RATE_LIMITED, sms, ip).reason("sender_rate"));
            return GatewayReply.rateLimited(senderRate.retryAfterSeconds());
        }

        String messageKey = MESSAGE_KEY_PREFIX + AuditHasher.messageIdHash(realm.getId() + "|" + sms.messageId());
        if (!store.putIfAbsent(messageKey, components.settings().duplicateRetention().toSeconds())) {
            record(authentic(realm, now, InboundSmsOutcome.DUPLICATE, sms, ip));
            return GatewayReply.ok("duplicate");
        }

        if (sms.denial()) {
            return denial(realm, ip, now, sms, messageKey);
        }
        MatchOutcome outcome;
        try {
            outcome = challenges.match(realm, sender, sms.code(), new MatchEvidence(Optional.of(sms.messageId()), sms.receivedAt()));
        } catch (RuntimeException fault) {
            store.remove(messageKey); // not processed: the gateway's retry must not be taken for a duplicate
            throw fault;
        }
        return switch (outcome) {
            case MatchOutcome.Matched matched -> matched(realm, ip, now, sms, matched);
            case MatchOutcome.Unmatched unmatched -> unmatched(realm, ip, now, sms, unmatched);
        };
    }

    private GatewayReply matched(RealmModel realm, String ip, Instant now, InboundSms sms, MatchOutcome.Matched matched) {
        Duration wait = Duration.between(matched.issuedAt(), matched.matchedAt());
        components.metrics().challengeToSms(matched.purpose(), wait);
        record(authentic(realm, now, InboundSmsOutcome.MATCHED, sms, ip)
                .userId(userIdOf(matched.purpose(), matched.subjectRef()))
                .purpose(matched.purpose())
                .challengeToSmsMillis(Math.max(0, wait.toMillis())));
        LOG.debugf("Inbound SMS from %s matched challenge %s", sms.from().masked(), matched.challengeId());
        onMatched.accept(matched.challengeId());
        return GatewayReply.ok("matched");
    }

    private GatewayReply denial(RealmModel realm, String ip, Instant now, InboundSms sms, String messageKey) {
        List<DeniedLogin> denied;
        try {
            denied = noticeReplies.deny(realm, sms.from());
        } catch (RuntimeException fault) {
            store.remove(messageKey); // not processed: the gateway's retry must not be taken for a duplicate
            throw fault;
        }
        if (denied.isEmpty()) {
            record(authentic(realm, now, InboundSmsOutcome.UNMATCHED, sms, ip).reason("no_pending_notice"));
            return GatewayReply.ok("unmatched");
        }
        // one audit row per message: the account when every refused login was the same one's (the usual case);
        // each login has its own LOGOUT event
        List<String> users = denied.stream().map(DeniedLogin::userId).distinct().toList();
        boolean anyEnded = denied.stream().anyMatch(DeniedLogin::endedAnything);
        record(authentic(realm, now, InboundSmsOutcome.REVOKED, sms, ip).userId(users.size() == 1 ? users.get(0) : null)
                .reason(anyEnded ? "citizen_denied_login" : "citizen_denied_login_session_gone"));
        LOG.debugf("Inbound SMS from %s refused %d notified login(s)", sms.from().masked(), denied.size());
        return GatewayReply.ok("revoked");
    }

    private GatewayReply unmatched(RealmModel realm, String ip, Instant now, InboundSms sms, MatchOutcome.Unmatched unmatched) {
        InboundSmsAuditRecord.Builder row = authentic(realm, now, InboundSmsOutcome.UNMATCHED, sms, ip);
        if (unmatched.pendingForSender().isPresent()) {
            MatchOutcome.PendingSender pending = unmatched.pendingForSender().get();
            String userId = userIdOf(pending.purpose(), pending.subjectRef());
            if (userId != null) {
                wrongCodes.wrongCode(realm, userId);
            }
            row.reason("wrong_code").userId(userId).purpose(pending.purpose());
            LOG.debugf("Inbound SMS from %s carried a wrong code for challenge %s", sms.from().masked(), pending.challengeId());
        } else {
            row.reason("no_pending_challenge");
        }
        record(row);
        return GatewayReply.ok("unmatched");
    }

    private GatewayReply rejectUnauthenticated(RealmModel realm, String ip, Instant now, int status, String error,
                                               InboundSmsOutcome outcome, String reason) {
        TokenBucketRateLimiter.Acquisition budget = components.authFailuresPerIp().tryAcquire(ip);
        if (!budget.allowed()) {
            components.metrics().count(InboundSmsOutcome.RATE_LIMITED);
            return GatewayReply.rateLimited(budget.retryAfterSeconds());
        }
        record(InboundSmsAuditRecord.builder(realm.getId(), now, outcome).reason(reason).remoteAddr(ip));
        return GatewayReply.error(status, error);
    }

    private static InboundSmsAuditRecord.Builder authentic(RealmModel realm, Instant now, InboundSmsOutcome outcome,
                                                          InboundSms sms, String ip) {
        return InboundSmsAuditRecord.builder(realm.getId(), now, outcome)
                .messageId(sms.messageId())
                .senderE164(sms.from().e164())
                .receivedAt(sms.receivedAt().orElse(null))
                .remoteAddr(ip);
    }

    private void record(InboundSmsAuditRecord.Builder row) {
        InboundSmsAuditRecord built = row.build();
        components.metrics().count(built.outcome());
        audit.record(built);
    }

    private static String userIdOf(ChallengePurpose purpose, String subjectRef) {
        return purpose != null && purpose.subjectIsUser() ? subjectRef : null;
    }

    /** {@code application/json}, optionally with a UTF-8 charset parameter (JSON is UTF-8, RFC 8259). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].strip().replace("\"", "").toLowerCase(Locale.ROOT).equals("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    private static long declaredLength(String contentLength) {
        if (contentLength == null) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1; // the body read below is what counts
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in == null ? new byte[0] : in.readNBytes(limit);
    }
}
