package mn.gov.khur.sms.notice;

/** A sent login notice that a "0" from the same phone can still act on. */
public record PendingNotice(String userId, String userSessionId) {
}
