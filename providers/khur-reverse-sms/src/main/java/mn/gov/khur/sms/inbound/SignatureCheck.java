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
    MISMATCH;

    String auditReason() {
        return name().toLowerCase(Locale.ROOT);
    }
}
