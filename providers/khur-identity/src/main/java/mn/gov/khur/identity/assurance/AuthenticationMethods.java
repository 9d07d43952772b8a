package mn.gov.khur.identity.assurance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Records which authentication methods (RFC 8176 {@code amr} values) a login really used.
 * Each login step adds its values to a user-session note; {@link AmrProtocolMapper} turns the
 * note into the {@code amr} claim, so the claim is the truth of what happened in this session.
 */
public final class AuthenticationMethods {

    /** User-session note holding the space-separated amr values. */
    public static final String USER_SESSION_NOTE = "khur.amr";

    private AuthenticationMethods() {
    }

    /** Adds values to the methods already recorded in this authentication session. */
    public static void record(AuthenticationSessionModel authSession, String... amrValues) {
        Set<String> values = new LinkedHashSet<>(parse(authSession.getUserSessionNotes().get(USER_SESSION_NOTE)));
        values.addAll(Arrays.asList(amrValues));
        authSession.setUserSessionNote(USER_SESSION_NOTE, String.join(" ", values));
    }

    /** Replaces the recorded methods: a fresh login with another method does not inherit old ones. */
    public static void replace(AuthenticationSessionModel authSession, String... amrValues) {
        authSession.setUserSessionNote(USER_SESSION_NOTE, String.join(" ", amrValues));
    }

    public static List<String> parse(String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return Arrays.stream(note.trim().split("\\s+")).distinct().toList();
    }
}
