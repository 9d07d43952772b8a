package mn.gov.khur.smsgateway.mt;

import java.time.Clock;
import java.util.Locale;
import mn.gov.khur.smsgateway.Msisdn;
import org.jboss.logging.Logger;

/**
 * {@code POST /mt} without HTTP plumbing, in this order: media type (415) → size (413) → signature (401) →
 * body (400) → submit_sm (202 accepted; 503 no bind; 502 the SMSC refused). The text is never logged.
 */
public final class MtHandler {

    public static final int MAX_BODY_BYTES = 4096;
    private static final Logger LOG = Logger.getLogger(MtHandler.class);

    private final MtSignatureVerifier verifier;
    private final MtRequestParser parser;
    private final MtSubmitter submitter;
    private final Clock clock;

    public MtHandler(MtSignatureVerifier verifier, MtRequestParser parser, MtSubmitter submitter, Clock clock) {
        this.verifier = verifier;
        this.parser = parser;
        this.submitter = submitter;
        this.clock = clock;
    }

    /** @param body the request body, at most {@link #MAX_BODY_BYTES} + 1 bytes read */
    public MtReply handle(String contentType, String timestamp, String signature, byte[] body) {
        if (!isJson(contentType)) {
            return MtReply.error(415, "unsupported_media_type");
        }
        if (body.length > MAX_BODY_BYTES) {
            return MtReply.error(413, "payload_too_large");
        }
        if (!verifier.valid(timestamp, signature, body, clock.instant())) {
            LOG.infof("event=mt_refused reason=signature");
            return MtReply.error(401, "invalid_signature");
        }
        MtMessage message;
        try {
            message = parser.parse(body);
        } catch (InvalidMtException invalid) {
            return MtReply.invalid(invalid.getMessage());
        }
        try {
            String smscMessageId = submitter.submit(message);
            LOG.infof("event=mt_submitted message_id=%s to=%s smsc_message_id=%s", message.messageId(),
                    Msisdn.mask(message.to()), smscMessageId);
            return MtReply.accepted(message.messageId(), smscMessageId);
        } catch (MtSubmitter.SmscUnavailableException e) {
            LOG.warnf("event=mt_not_sent message_id=%s to=%s reason=%s", message.messageId(), Msisdn.mask(message.to()),
                    e.getMessage());
            return MtReply.error(503, "smsc_unavailable");
        } catch (MtSubmitter.SmscRejectedException e) {
            LOG.warnf("event=mt_not_sent message_id=%s to=%s reason=%s", message.messageId(), Msisdn.mask(message.to()),
                    e.getMessage());
            return MtReply.error(502, "smsc_rejected");
        }
    }

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
}
