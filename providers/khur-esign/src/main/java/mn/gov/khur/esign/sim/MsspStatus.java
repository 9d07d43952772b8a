package mn.gov.khur.esign.sim;

/** ETSI TS 102 204 status codes (§10.2) the login cares about. */
public final class MsspStatus {
    public static final int REQUEST_OK = 100;
    public static final int WRONG_PARAM = 101;
    public static final int UNAUTHORIZED_ACCESS = 104;
    public static final int UNKNOWN_CLIENT = 105;
    public static final int EXPIRED_TRANSACTION = 208;
    public static final int USER_CANCEL = 401;
    public static final int NO_CERT_FOUND = 422;
    public static final int SIGNATURE = 500;
    public static final int REVOKED_CERTIFICATE = 501;
    public static final int VALID_SIGNATURE = 502;
    public static final int INVALID_SIGNATURE = 503;
    public static final int OUTSTANDING_TRANSACTION = 504;

    private MsspStatus() {
    }
}
