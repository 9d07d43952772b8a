package mn.gov.khur.esign.pki;

import java.time.Instant;

/** A verified revocation answer and until when it may be relied on (nextUpdate or thisUpdate + max age). */
public record RevocationAnswer(Status status, Instant validUntil, String source) {

    public enum Status { GOOD, REVOKED, UNKNOWN }

    public boolean usableAt(Instant now) {
        return now.isBefore(validUntil);
    }
}
