package mn.gov.khur.sms.inbound;

import java.time.Instant;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

/** A validated inbound SMS (contract §2 body). */
record InboundSms(String messageId, MongolianMobileNumber from, String to, String code, Optional<Instant> receivedAt) {

    @Override
    public String toString() {
        return "InboundSms[from=" + from.masked() + ", to=" + to + ", receivedAt=" + receivedAt.orElse(null) + "]";
    }
}
