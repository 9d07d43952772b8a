package mn.gov.khur.sms.inbound;

import java.util.Locale;

/** Why a request's signature was (not) accepted; the audit reason, never shown to the caller. */
enum SignatureCheck {
    VALID,
    MISSING_TIMESTAMP,
    MALFORMED_TIMESTAMP,
    STALE_TIMESTAMP,
    MISSING_SIGNATURE,
    MALFORMED_SIGNATURE,
    /** A v1 signature where v1 is switched off ({@code accept-v1=false}). */
    VERSION_NOT_ACCEPTED,
    MISMATCH;

    String auditReason() {
        return name().toLowerCase(Locale.ROOT);
    }
}
