package mn.gov.khur.registry;

/**
 * The citizen's approval of one fetch, in the form the registry requires ({@code auth.citizen}). Only the
 * registry's own one-time code is built; the digital-signature approval (certificate fingerprint + signature over
 * {@code regnum.timestamp} through the ESIGN client) is not.
 */
public sealed interface Approval {

    /** The code the registry sent the citizen, and the timestamp of the request that made it send it. */
    record OneTimeCode(int code, long requestTimestamp) implements Approval {
    }
}
