package mn.gov.khur.sms.outbound;

import java.util.Locale;

/** What became of one MT: the metric's {@code outcome} tag. */
public enum OutboundSmsResult {
    /** The bridge answered 202: the SMSC took the submit_sm. */
    ACCEPTED,
    /** The bridge refused or failed (non-202 answer). */
    REFUSED,
    /** No answer in time, connection refused, I/O error. */
    UNREACHABLE,
    /** The node's queue was full: not even tried. */
    DROPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
