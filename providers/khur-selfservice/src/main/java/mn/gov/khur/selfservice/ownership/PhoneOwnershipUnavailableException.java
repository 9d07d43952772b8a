package mn.gov.khur.selfservice.ownership;

/** The lookup could not be asked (not configured, down, timed out, answered nonsense): "try again later", never a pass. */
public final class PhoneOwnershipUnavailableException extends Exception {

    public PhoneOwnershipUnavailableException(String message) {
        super(message);
    }

    public PhoneOwnershipUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
