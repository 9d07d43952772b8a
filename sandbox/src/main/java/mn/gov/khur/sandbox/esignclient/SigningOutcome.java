package mn.gov.khur.sandbox.esignclient;

/** What happened to a pending signature; the error codes are what the page receives. */
public enum SigningOutcome {
    SIGNED(null),
    PIN_REFUSED("pin_refused"),
    CANCELLED("cancelled"),
    NO_SUCH_TOKEN("no_token"),
    NO_SUCH_REQUEST(null);

    private final String errorCode;

    SigningOutcome(String errorCode) {
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
