package mn.gov.khur.esign.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import mn.gov.khur.esign.nonce.SignatureChallenges;

import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A signing request this tab waits for, as kept in the auth-session notes between the page's polls:
 * the service's transaction, the register number and phone (E.164) typed, the verification code shown
 * and the deadline. A decoy ({@link PushRecipient.NotAllowed}, {@link PushSignatureService.PushAnswer.NoSigningKey})
 * waits the same way with nothing pushed. Its challenge lives in {@link SignatureChallenges}.
 */
record PendingPush(String transactionId, String registerNumber, String phone, String verificationCode,
                   long deadlineEpochSeconds, boolean decoy) {

    private static final String TRANSACTION = "khur.esign.push.transaction";
    private static final String REGISTER_NUMBER = "khur.esign.push.registerNumber";
    private static final String PHONE = "khur.esign.push.phone";
    private static final String CODE = "khur.esign.push.code";
    private static final String DEADLINE = "khur.esign.push.deadline";
    /** Set while the waiting page is a decoy: no request was pushed, the page only runs out its time. */
    private static final String DECOY = "khur.esign.push.decoy";
    private static final String DECOY_TRANSACTION = "decoy";

    static PendingPush pushed(String transactionId, String registerNumber, String phone, String verificationCode,
                              Instant deadline) {
        return new PendingPush(transactionId, registerNumber, phone, verificationCode, deadline.getEpochSecond(), false);
    }

    static PendingPush decoy(String registerNumber, String phone, String verificationCode, Instant deadline) {
        return new PendingPush(DECOY_TRANSACTION, registerNumber, phone, verificationCode, deadline.getEpochSecond(), true);
    }

    /** The request this tab waits for, if any. */
    static Optional<PendingPush> of(AuthenticationSessionModel authSession) {
        String transaction = authSession.getAuthNote(TRANSACTION);
        if (transaction == null) {
            return Optional.empty();
        }
        return Optional.of(new PendingPush(transaction, authSession.getAuthNote(REGISTER_NUMBER), authSession.getAuthNote(PHONE),
                authSession.getAuthNote(CODE), epochSeconds(authSession.getAuthNote(DEADLINE)), authSession.getAuthNote(DECOY) != null));
    }

    void save(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(TRANSACTION, transactionId);
        authSession.setAuthNote(REGISTER_NUMBER, registerNumber);
        authSession.setAuthNote(PHONE, phone);
        authSession.setAuthNote(CODE, verificationCode);
        authSession.setAuthNote(DEADLINE, Long.toString(deadlineEpochSeconds));
        if (decoy) {
            authSession.setAuthNote(DECOY, "true");
        } else {
            authSession.removeAuthNote(DECOY);
        }
    }

    /** Forgets the request, and withdraws its challenge: a signature that comes later proves nothing. */
    static void end(KeycloakSession session, AuthenticationSessionModel authSession) {
        if (authSession.getAuthNote(TRANSACTION) != null) {
            new SignatureChallenges(session).withdraw(authSession);
        }
        for (String note : List.of(TRANSACTION, REGISTER_NUMBER, PHONE, CODE, DEADLINE, DECOY)) {
            authSession.removeAuthNote(note);
        }
    }

    /** What the start page shows again when the wait ends: the register number typed and the phone (E.164). */
    PushForm typed() {
        return new PushForm(registerNumber, phone);
    }

    boolean pastDeadline(Instant now) {
        return now.getEpochSecond() > deadlineEpochSeconds;
    }

    /** No transaction id, phone or code: logs must not let anyone poll or phish on this request. */
    @Override
    public String toString() {
        return "PendingPush[decoy=" + decoy + ", deadline=" + deadlineEpochSeconds + "]";
    }

    /** A deadline note that is missing or broken is long past (0): the wait ends. */
    private static long epochSeconds(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
