package mn.gov.khur.esign.push;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;

/**
 * A signature service that pushes a signing request to the citizen's phone and is then polled:
 * the SIM's MSSP (ETSI TS 102 204) or the GSign cloud (Smart-ID-style). One adapter per service;
 * {@link PushSignatureAuthenticator} does the rest (nonce, verification code, rate limit, waiting
 * page, verification, events).
 */
public interface PushSignatureService {

    /** Sends the signing request for {@code hash} (SHA-256 of our challenge); {@code displayText} carries the code. */
    PushAnswer start(RegisterNumber registerNumber, MongolianMobileNumber phone, byte[] hash, String displayText)
            throws PushUnavailableException;

    /** Asks how the request is going. */
    PushAnswer poll(String transactionId) throws PushUnavailableException;

    /** The service could not be reached or did not speak its protocol. */
    final class PushUnavailableException extends Exception {
        public PushUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the service said. */
    sealed interface PushAnswer {
        record Accepted(String transactionId) implements PushAnswer { }
        record Outstanding() implements PushAnswer { }
        /** A final no: user cancel, timeout, revoked, ... with our message key. */
        record Refused(String messageKey, String outcome) implements PushAnswer { }
        /**
         * Nothing was pushed: the service has no signing key for this phone (MSSP: unknown client, no
         * certificate) or for this register number on this phone (GSign). Shown like a request nobody
         * answers, never as its own message: that would tell a stranger which number owns the phone.
         */
        record NoSigningKey(String outcome) implements PushAnswer { }
        /** CMS SignedData over the hash (MSSP). */
        record SignedCms(byte[] cms) implements PushAnswer { }
        /** A raw signature over the challenge's hash with the given certificate (Smart-ID style). */
        record SignedRaw(byte[] certificateDer, byte[] signature) implements PushAnswer { }
    }
}
