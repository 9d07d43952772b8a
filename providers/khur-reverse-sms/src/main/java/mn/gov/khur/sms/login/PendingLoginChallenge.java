package mn.gov.khur.sms.login;

import java.time.Instant;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The challenge shown in one browser tab, kept in authentication-session notes (bound to
 * AUTH_SESSION_ID + tab_id, replicated in the cluster). Only the browser's own requests write
 * these notes; the webhook never does.
 */
record PendingLoginChallenge(String challengeId, String code, Instant issuedAt, Instant expiresAt, int newCodesUsed) {

    private static final String PREFIX = "khur.sms.";
    private static final String CHALLENGE_ID = PREFIX + "challengeId";
    private static final String CODE = PREFIX + "code";
    private static final String ISSUED_AT = PREFIX + "issuedAt";
    private static final String EXPIRES_AT = PREFIX + "expiresAt";
    private static final String NEW_CODES = PREFIX + "newCodes";

    static PendingLoginChallenge read(AuthenticationSessionModel authSession) {
        String id = authSession.getAuthNote(CHALLENGE_ID);
        if (id == null) {
            return null;
        }
        return new PendingLoginChallenge(id, authSession.getAuthNote(CODE),
                Instant.ofEpochSecond(Long.parseLong(authSession.getAuthNote(ISSUED_AT))),
                Instant.ofEpochSecond(Long.parseLong(authSession.getAuthNote(EXPIRES_AT))),
                Integer.parseInt(authSession.getAuthNote(NEW_CODES)));
    }

    void write(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(CHALLENGE_ID, challengeId);
        authSession.setAuthNote(CODE, code);
        authSession.setAuthNote(ISSUED_AT, String.valueOf(issuedAt.getEpochSecond()));
        authSession.setAuthNote(EXPIRES_AT, String.valueOf(expiresAt.getEpochSecond()));
        authSession.setAuthNote(NEW_CODES, String.valueOf(newCodesUsed));
    }

    static void clear(AuthenticationSessionModel authSession) {
        for (String note : new String[] {CHALLENGE_ID, CODE, ISSUED_AT, EXPIRES_AT, NEW_CODES}) {
            authSession.removeAuthNote(note);
        }
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
