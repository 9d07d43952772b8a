package mn.gov.khur.esign.pki;

/**
 * Why a certificate or signature was not accepted. {@link #countsAsFailedLogin()} separates the
 * citizen's (or an attacker's) credential problems from our infrastructure's, which must never
 * lock an account.
 */
public enum RejectionReason {
    MALFORMED("khurEsignMalformed", true),
    BAD_SIGNATURE("khurEsignBadSignature", true),
    UNTRUSTED("khurEsignUntrusted", true),
    EXPIRED("khurEsignExpired", true),
    NOT_YET_VALID("khurEsignNotYetValid", true),
    KEY_USAGE("khurEsignKeyUsage", true),
    POLICY("khurEsignPolicy", true),
    REVOKED("khurEsignRevoked", true),
    /** OCSP and CRL both unavailable, stale, unsigned or "unknown": fail closed. */
    REVOCATION_UNAVAILABLE("khurEsignRevocationUnavailable", false),
    NO_REGISTER_NUMBER("khurEsignNoRegisterNumber", true),
    REGISTER_NUMBER_MISMATCH("khurEsignRegisterNumberMismatch", true);

    private final String messageKey;
    private final boolean countsAsFailedLogin;

    RejectionReason(String messageKey, boolean countsAsFailedLogin) {
        this.messageKey = messageKey;
        this.countsAsFailedLogin = countsAsFailedLogin;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean countsAsFailedLogin() {
        return countsAsFailedLogin;
    }

    /** The event detail value, e.g. {@code revoked}. */
    public String eventValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
