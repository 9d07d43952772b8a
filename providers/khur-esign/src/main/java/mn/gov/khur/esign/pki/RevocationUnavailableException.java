package mn.gov.khur.esign.pki;

/** No trustworthy revocation answer: unreachable, malformed, unsigned, wrong nonce or stale. */
public final class RevocationUnavailableException extends Exception {

    public RevocationUnavailableException(String message) {
        super(message);
    }

    public RevocationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
