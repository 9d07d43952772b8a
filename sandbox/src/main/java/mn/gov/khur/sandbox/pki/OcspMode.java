package mn.gov.khur.sandbox.pki;

/** How the sandbox OCSP responder misbehaves, so the server's fail-closed checks can be tested. */
public enum OcspMode {
    /** Correct, fresh, signed by the delegated responder, nonce echoed. */
    NORMAL,
    /** HTTP 503 for OCSP and the CRL: the responder is down. */
    DOWN,
    /** thisUpdate/nextUpdate two days in the past. */
    STALE,
    /** A different nonce than the request's. */
    WRONG_NONCE,
    /** Signed by a responder certificate the issuing CA never issued. */
    FOREIGN_SIGNER,
    /** OCSP "tryLater" while the CRL stays available: the CRL fallback must answer. */
    OCSP_ONLY_DOWN,
    /** "unknown" for every certificate. */
    UNKNOWN
}
