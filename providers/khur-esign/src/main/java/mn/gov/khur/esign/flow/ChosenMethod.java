package mn.gov.khur.esign.flow;

import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

/** The signature method the citizen picked, kept in the authentication session (this tab only). */
public final class ChosenMethod {

    static final String AUTH_NOTE = "khur.esign.method";

    private ChosenMethod() {
    }

    public static Optional<EsignMethod> read(AuthenticationSessionModel authSession) {
        return EsignMethod.fromCode(authSession.getAuthNote(AUTH_NOTE));
    }

    public static void write(AuthenticationSessionModel authSession, EsignMethod method) {
        authSession.setAuthNote(AUTH_NOTE, method.code());
    }

    public static void clear(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(AUTH_NOTE);
    }
}
