package mn.gov.khur.identity.flow;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How "Утасны дугаар солих" is entered from the login page: the link {@code #khur-change-phone} is this
 * tab's refresh URL of the login form with {@link #MARKER}{@code =1}; the login form then marks the tab
 * (auth-session note) and steps aside, and the condition {@code khur-condition-phone-change} starts the
 * phone-change sub-flow. "Back to login" (flow restart) and a cancelled SMS clear the note.
 */
public final class PhoneChangeEntry {

    public static final String MARKER = "khur_change_phone";
    private static final String NOTE = "khur.ss.phoneChange";

    private PhoneChangeEntry() {
    }

    public static URI link(AuthenticationFlowContext context) {
        return UriBuilder.fromUri(context.getRefreshExecutionUrl()).queryParam(MARKER, "1").build();
    }

    public static boolean requested(AuthenticationFlowContext context) {
        return context.getHttpRequest() != null && context.getHttpRequest().getUri() != null
                && "1".equals(context.getHttpRequest().getUri().getQueryParameters().getFirst(MARKER));
    }

    public static void start(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE, "1");
    }

    public static boolean started(AuthenticationSessionModel authSession) {
        return "1".equals(authSession.getAuthNote(NOTE));
    }

    public static void clear(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(NOTE);
    }
}
