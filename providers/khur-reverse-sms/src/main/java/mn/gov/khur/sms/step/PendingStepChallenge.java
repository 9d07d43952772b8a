package mn.gov.khur.sms.step;

import java.time.Instant;

import org.keycloak.sessions.AuthenticationSessionModel;

/** The challenge a self-service step shows in one browser tab, kept in authentication-session notes. */
record PendingStepChallenge(String challengeId, String code, String msisdnE164, Instant expiresAt, int newCodesUsed) {

    private static final String PREFIX = "khur.sms.step.";
    private static final String CHALLENGE_ID = PREFIX + "challengeId";
    private static final String CODE = PREFIX + "code";
    private static final String MSISDN = PREFIX + "msisdn";
    private static final String EXPIRES_AT = PREFIX + "expiresAt";
    private static final String NEW_CODES = PREFIX + "newCodes";

    static PendingStepChallenge read(AuthenticationSessionModel authSession) {
        String id = authSession.getAuthNote(CHALLENGE_ID);
        if (id == null) {
            return null;
        }
        return new PendingStepChallenge(id, authSession.getAuthNote(CODE), authSession.getAuthNote(MSISDN),
                Instant.ofEpochSecond(Long.parseLong(authSession.getAuthNote(EXPIRES_AT))),
                Integer.parseInt(authSession.getAuthNote(NEW_CODES)));
    }

    void write(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(CHALLENGE_ID, challengeId);
        authSession.setAuthNote(CODE, code);
        authSession.setAuthNote(MSISDN, msisdnE164);
        authSession.setAuthNote(EXPIRES_AT, String.valueOf(expiresAt.getEpochSecond()));
        authSession.setAuthNote(NEW_CODES, String.valueOf(newCodesUsed));
    }

    static void clear(AuthenticationSessionModel authSession) {
        for (String note : new String[] {CHALLENGE_ID, CODE, MSISDN, EXPIRES_AT, NEW_CODES}) {
            authSession.removeAuthNote(note);
        }
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
