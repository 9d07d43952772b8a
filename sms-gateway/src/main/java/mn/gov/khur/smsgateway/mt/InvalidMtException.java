package mn.gov.khur.smsgateway.mt;

/** A {@code POST /mt} body that is not what the contract says; the message is safe to answer with. */
public final class InvalidMtException extends Exception {

    public InvalidMtException(String description) {
        super(description, null, false, false);
    }
}
