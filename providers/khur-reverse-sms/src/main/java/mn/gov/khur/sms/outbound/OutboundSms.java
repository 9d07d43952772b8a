package mn.gov.khur.sms.outbound;

import java.util.Objects;

import mn.gov.khur.common.phone.MongolianMobileNumber;

/**
 * One MT for the bridge's {@code POST /mt}: {@code {"messageId","to","from","text"}}.
 *
 * @param messageId unique per message; the bridge and the SMSC log it, a retry keeps it
 * @param from the sender address the handset shows (our short number)
 */
public record OutboundSms(String messageId, MongolianMobileNumber to, String from, String text) {

    public OutboundSms {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
    }

    /** Never the text (it may say where the citizen logged in) and never the full number. */
    @Override
    public String toString() {
        return "OutboundSms[" + messageId + " to=" + to.masked() + "]";
    }
}
