package mn.gov.khur.registry;

import java.security.cert.X509Certificate;
import java.util.Objects;

import mn.gov.khur.common.regnum.RegisterNumber;

/**
 * The citizen's approval of one fetch, in the form the registry requires ({@code auth.citizen}): the registry's own
 * one-time code, or the citizen's digital signature over the registry's approval text.
 */
public sealed interface Approval {

    /** The code the registry sent the citizen, and the timestamp of the request that made it send it. */
    record OneTimeCode(int code, long requestTimestamp) implements Approval {
    }

    /**
     * The citizen's signature, made with the key of {@code certificate} (the ESIGN client's USB token), over exactly
     * {@link #text(RegisterNumber, long)} for the fetched register number and {@code timestamp}. The registry checks it
     * against the certificate it knows by serial number, and takes the timestamp from the call's signed
     * {@code timestamp} header: the fetch is sent with this timestamp.
     */
    record Signature(X509Certificate certificate, byte[] signature, long timestamp) implements Approval {
        public Signature {
            Objects.requireNonNull(certificate);
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** What the citizen signs to approve a fetch ({@code <register number>.<Unix seconds>}, the registry's scheme). */
        public static String text(RegisterNumber registerNumber, long timestamp) {
            return registerNumber.value() + "." + timestamp;
        }
    }
}
