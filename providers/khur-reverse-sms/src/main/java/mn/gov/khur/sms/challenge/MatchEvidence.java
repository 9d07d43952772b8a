package mn.gov.khur.sms.challenge;

import java.time.Instant;
import java.util.Optional;

/** What the gateway said about the SMS that completed a challenge; kept with the match for the flow's audit. */
public record MatchEvidence(Optional<String> messageId, Optional<Instant> receivedAt) {

    public static final MatchEvidence NONE = new MatchEvidence(Optional.empty(), Optional.empty());

    public static MatchEvidence of(String messageId, Instant receivedAt) {
        return new MatchEvidence(Optional.ofNullable(messageId), Optional.ofNullable(receivedAt));
    }
}
