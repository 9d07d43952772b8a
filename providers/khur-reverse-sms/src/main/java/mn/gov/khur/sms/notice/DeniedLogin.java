package mn.gov.khur.sms.notice;

/**
 * A login the citizen disowned by replying "0".
 *
 * @param sessionEnded whether a live user session was ended now (false if it had already ended by itself)
 */
public record DeniedLogin(String userId, String userSessionId, boolean sessionEnded) {
}
