package mn.gov.khur.sms.audit;

import java.util.Locale;

/** What became of one inbound SMS request: the audit row's {@code OUTCOME} and the metric's {@code outcome} tag. */
public enum InboundSmsOutcome {
    MATCHED,
    UNMATCHED,
    DUPLICATE,
    /** A "0" answering a login notice: that login's session was revoked. */
    REVOKED,
    REJECTED_SIGNATURE,
    REJECTED_INVALID,
    RATE_LIMITED,
    /** Metric only: no secret configured, nothing is audited. */
    NOT_CONFIGURED,
    /** Metric only: a fault of this server (the transaction is not trusted to hold an audit row). */
    SERVER_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboundSmsOutcome fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
