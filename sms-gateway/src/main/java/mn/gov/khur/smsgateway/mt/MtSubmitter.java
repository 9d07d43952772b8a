package mn.gov.khur.smsgateway.mt;

/** Hands an MT to an operator's SMSC (submit_sm) and returns the SMSC's message id. */
public interface MtSubmitter {

    String submit(MtMessage message) throws SmscUnavailableException, SmscRejectedException;

    /** No bind to send with right now (the link is down or reconnecting). */
    final class SmscUnavailableException extends Exception {
        public SmscUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The SMSC refused the submit_sm, or did not answer it. */
    final class SmscRejectedException extends Exception {
        public SmscRejectedException(String message) {
            super(message, null, false, false);
        }
    }
}
