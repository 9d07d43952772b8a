package mn.gov.khur.selfservice.flow;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.step.SmsTarget;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The reverse-SMS target a self-service request form chose, handed to the SMS step and, once the
 * SMS matched, the proof ("verified") handed to the steps after it; with it the register number the
 * form was sent for, so that {@link ProvenPhoneGuard} can ask the operators whose the proven phone is
 * (registration has no account to read it from). Auth-session notes only: bound to this browser tab.
 *
 * <p>A <em>decoy</em> target stands in for an unknown register number (or an account without a phone):
 * a real challenge on a random number under a subject no account has, so the citizen sees the same
 * pages and the status endpoint the same states, and it can never complete.
 */
final class SelfServiceTarget {

    private static final String PREFIX = "khur.ss.";
    private static final String PURPOSE = PREFIX + "purpose";
    private static final String PHONE = PREFIX + "phone";
    private static final String SUBJECT = PREFIX + "subject";
    private static final String SHOWN = PREFIX + "shown";
    private static final String VERIFIED = PREFIX + "verified";
    private static final String REGISTER_NUMBER = PREFIX + "registerNumber";
    private static final String CONFIRMED = PREFIX + "ownerConfirmed";
    private static final String DECOY_PREFIX = "decoy:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfServiceTarget() {
    }

    static void write(AuthenticationSessionModel authSession, SmsTarget target, RegisterNumber registerNumber) {
        authSession.setAuthNote(REGISTER_NUMBER, registerNumber.value());
        authSession.setAuthNote(PURPOSE, target.purpose().name());
        authSession.setAuthNote(PHONE, target.phone().e164());
        authSession.setAuthNote(SUBJECT, target.subjectRef());
        if (target.shownPhoneMasked() != null) {
            authSession.setAuthNote(SHOWN, target.shownPhoneMasked());
        } else {
            authSession.removeAuthNote(SHOWN);
        }
        authSession.removeAuthNote(VERIFIED);
        authSession.removeAuthNote(CONFIRMED);
    }

    static SmsTarget read(AuthenticationSessionModel authSession) {
        String purpose = authSession.getAuthNote(PURPOSE);
        String phone = authSession.getAuthNote(PHONE);
        String subject = authSession.getAuthNote(SUBJECT);
        if (purpose == null || phone == null || subject == null) {
            return null;
        }
        return new SmsTarget(ChallengePurpose.valueOf(purpose), MongolianMobileNumber.parse(phone), subject,
                authSession.getAuthNote(SHOWN));
    }

    /** The register number the request form was sent for (canonical), or null. */
    static RegisterNumber registerNumber(AuthenticationSessionModel authSession) {
        return RegisterNumber.tryParse(authSession.getAuthNote(REGISTER_NUMBER)).orElse(null);
    }

    static void markVerified(AuthenticationSessionModel authSession, SmsTarget target) {
        authSession.setAuthNote(VERIFIED, proof(target));
    }

    /** {@link ProvenPhoneGuard} found the proven phone in the citizen's own name (and outside any SIM-change hold). */
    static void markOwnerConfirmed(AuthenticationSessionModel authSession, SmsTarget target) {
        authSession.setAuthNote(CONFIRMED, proof(target));
    }

    /** The target whose SMS matched and whose phone the guard then confirmed, for exactly this purpose; else null. */
    static SmsTarget confirmed(AuthenticationSessionModel authSession, ChallengePurpose purpose) {
        SmsTarget target = verified(authSession, purpose);
        return target != null && proof(target).equals(authSession.getAuthNote(CONFIRMED)) ? target : null;
    }

    private static String proof(SmsTarget target) {
        return target.purpose().name() + "|" + target.subjectRef() + "|" + target.phone().e164();
    }

    /** The target whose SMS matched, if the SMS step completed for exactly this purpose; else null. */
    static SmsTarget verified(AuthenticationSessionModel authSession, ChallengePurpose purpose) {
        SmsTarget target = read(authSession);
        String proof = authSession.getAuthNote(VERIFIED);
        if (target == null || proof == null || target.purpose() != purpose || isDecoy(target.subjectRef())
                || !proof.equals(proof(target))) {
            return null;
        }
        return target;
    }

    static void clear(AuthenticationSessionModel authSession) {
        for (String note : new String[] {PURPOSE, PHONE, SUBJECT, SHOWN, VERIFIED, CONFIRMED, REGISTER_NUMBER}) {
            authSession.removeAuthNote(note);
        }
    }

    static String decoySubject() {
        return DECOY_PREFIX + randomToken();
    }

    static boolean isDecoy(String subjectRef) {
        return subjectRef.startsWith(DECOY_PREFIX);
    }

    /** A random Mobicom-range number (99xxxxxx) nobody is asked to text from. */
    static MongolianMobileNumber decoyPhone() {
        return MongolianMobileNumber.parse(String.format(Locale.ROOT, "99%06d", RANDOM.nextInt(1_000_000)));
    }

    static String randomToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
