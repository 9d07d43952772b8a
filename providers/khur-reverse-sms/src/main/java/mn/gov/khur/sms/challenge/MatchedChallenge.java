package mn.gov.khur.sms.challenge;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A challenge completed by an inbound SMS, handed out once by {@link ReverseSmsChallenges#consumeMatch}.
 * {@code messageId} and {@code receivedAt} are what the gateway reported, when it did.
 */
public record MatchedChallenge(
        String realmId,
        String challengeId,
        ChallengePurpose purpose,
        String subjectRef,
        String msisdnE164,
        Instant issuedAt,
        Instant matchedAt,
        Optional<String> messageId,
        Optional<Instant> receivedAt) {

    /** How long the citizen needed from seeing the code to the SMS arriving here. */
    public Duration challengeToSms() {
        return Duration.between(issuedAt, matchedAt);
    }
}
