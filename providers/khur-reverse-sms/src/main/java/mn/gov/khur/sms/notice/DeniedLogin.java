package mn.gov.khur.sms.notice;

/**
 * A login the citizen disowned by replying "0".
 *
 * @param sessionEnded whether a live user session was ended now (false if it had already ended by itself)
 * @param offlineSessionEnded whether the login's offline session (offline_access tokens) was ended now
 */
public record DeniedLogin(String userId, String userSessionId, boolean sessionEnded, boolean offlineSessionEnded) {

    public DeniedLogin(String userId, String userSessionId, boolean sessionEnded) {
        this(userId, userSessionId, sessionEnded, false);
    }

    /** Whether anything of the login was still alive to end. */
    public boolean endedAnything() {
        return sessionEnded || offlineSessionEnded;
    }
}
