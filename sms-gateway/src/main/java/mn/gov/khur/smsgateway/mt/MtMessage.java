package mn.gov.khur.smsgateway.mt;

/**
 * A validated {@code POST /mt} body: {@code {"messageId","to","from","text"}}.
 *
 * @param to {@code +976XXXXXXXX}
 * @param from the short number the handset shows as sender
 */
public record MtMessage(String messageId, String to, String from, String text) {

    /** No text, no full number: this ends up in logs. */
    @Override
    public String toString() {
        return "MtMessage[" + messageId + " to=" + mn.gov.khur.smsgateway.Msisdn.mask(to) + "]";
    }
}
