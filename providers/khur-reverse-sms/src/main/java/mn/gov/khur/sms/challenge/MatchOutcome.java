package mn.gov.khur.sms.challenge;

import java.time.Instant;
import java.util.Optional;

/** Result of offering an inbound (sender, code) pair to the challenge store. */
public sealed interface MatchOutcome permits MatchOutcome.Matched, MatchOutcome.Unmatched {

    /** The pair completed exactly this challenge; it can no longer match again. */
    record Matched(String challengeId, ChallengePurpose purpose, String subjectRef, Instant issuedAt, Instant matchedAt)
            implements MatchOutcome {
    }

    /**
     * Nothing matched. {@code pendingForSender} is the sender's own still-pending challenge, if any:
     * a wrong code for it counts against that account.
     */
    record Unmatched(Optional<PendingSender> pendingForSender) implements MatchOutcome {

        public static Unmatched nothingPending() {
            return new Unmatched(Optional.empty());
        }
    }

    /** Whose challenge the sender was probably trying to answer. */
    record PendingSender(String challengeId, ChallengePurpose purpose, String subjectRef) {
    }
}
