package mn.gov.khur.sms.step;

import java.time.Instant;

import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.PendingChallenge;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The challenge a reverse-SMS page shows, kept in authentication-session notes: bound to the browser tab's
 * authentication session (AUTH_SESSION_ID + tab_id), so a reload or a second tab of the same login finds it,
 * while a new login in another tab (its own tab_id) has its own. Only the browser's own requests write these
 * notes; the webhook never does. {@code code} and {@code expiresAt} are the newest code's.
 */
record ShownChallenge(String challengeId, String code, String msisdnE164, ChallengePurpose purpose, String subjectRef,
                      Instant issuedAt, Instant expiresAt, int newCodesUsed) {

    private static final String PREFIX = "khur.sms.shown.";
    private static final String CHALLENGE_ID = PREFIX + "challengeId";
    private static final String CODE = PREFIX + "code";
    private static final String MSISDN = PREFIX + "msisdn";
    private static final String PURPOSE = PREFIX + "purpose";
    private static final String SUBJECT = PREFIX + "subject";
    private static final String ISSUED_AT = PREFIX + "issuedAt";
    private static final String EXPIRES_AT = PREFIX + "expiresAt";
    private static final String NEW_CODES = PREFIX + "newCodes";
    private static final String[] NOTES = {CHALLENGE_ID, CODE, MSISDN, PURPOSE, SUBJECT, ISSUED_AT, EXPIRES_AT, NEW_CODES};

    static ShownChallenge of(PendingChallenge challenge, int newCodesUsed) {
        return new ShownChallenge(challenge.challengeId(), challenge.code(), challenge.msisdnE164(), challenge.purpose(),
                challenge.subjectRef(), challenge.issuedAt(), challenge.expiresAt(), newCodesUsed);
    }

    /** The tab's challenge, or null if it has none (or notes another version of this class wrote). */
    static ShownChallenge read(AuthenticationSessionModel authSession) {
        for (String note : NOTES) {
            if (authSession.getAuthNote(note) == null) {
                return null;
            }
        }
        try {
            return new ShownChallenge(authSession.getAuthNote(CHALLENGE_ID), authSession.getAuthNote(CODE),
                    authSession.getAuthNote(MSISDN), ChallengePurpose.valueOf(authSession.getAuthNote(PURPOSE)),
                    authSession.getAuthNote(SUBJECT),
                    Instant.ofEpochMilli(Long.parseLong(authSession.getAuthNote(ISSUED_AT))),
                    Instant.ofEpochMilli(Long.parseLong(authSession.getAuthNote(EXPIRES_AT))),
                    Integer.parseInt(authSession.getAuthNote(NEW_CODES)));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    void write(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(CHALLENGE_ID, challengeId);
        authSession.setAuthNote(CODE, code);
        authSession.setAuthNote(MSISDN, msisdnE164);
        authSession.setAuthNote(PURPOSE, purpose.name());
        authSession.setAuthNote(SUBJECT, subjectRef);
        authSession.setAuthNote(ISSUED_AT, String.valueOf(issuedAt.toEpochMilli()));
        authSession.setAuthNote(EXPIRES_AT, String.valueOf(expiresAt.toEpochMilli()));
        authSession.setAuthNote(NEW_CODES, String.valueOf(newCodesUsed));
    }

    static void clear(AuthenticationSessionModel authSession) {
        for (String note : NOTES) {
            authSession.removeAuthNote(note);
        }
    }

    /** Whether this is the challenge of exactly this target (purpose, subject and phone). */
    boolean isFor(SmsTarget target) {
        return purpose == target.purpose() && subjectRef.equals(target.subjectRef()) && msisdnE164.equals(target.phone().e164());
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
