package mn.gov.khur.sms.inbound;

import java.time.Instant;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

/**
 * A validated inbound SMS (contract §2 body): either a code ({@code code} set) or the "0" reply to a login notice
 * ({@code denial}, {@code code} null).
 */
record InboundSms(String messageId, MongolianMobileNumber from, String to, String code, Optional<Instant> receivedAt,
                  boolean denial) {

    InboundSms(String messageId, MongolianMobileNumber from, String to, String code, Optional<Instant> receivedAt) {
        this(messageId, from, to, code, receivedAt, false);
    }

    @Override
    public String toString() {
        return "InboundSms[from=" + from.masked() + ", to=" + to + ", receivedAt=" + receivedAt.orElse(null) + "]";
    }
}
