package mn.gov.khur.esign.pki;

/** A certificate or signature failed validation; {@link #reason()} says which check. */
public final class CertificateRejectedException extends Exception {

    private final RejectionReason reason;

    public CertificateRejectedException(RejectionReason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public CertificateRejectedException(RejectionReason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
