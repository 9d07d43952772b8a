package mn.gov.khur.sms.challenge;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly issued challenge: the code the citizen must text from {@code msisdnE164}.
 * The code is a secret until shown on the citizen's own page, so {@link #toString()} hides it.
 */
public record PendingChallenge(
        String realmId,
        String challengeId,
        String code,
        String msisdnE164,
        ChallengePurpose purpose,
        String subjectRef,
        Instant issuedAt,
        Instant expiresAt) {

    public PendingChallenge {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(challengeId, "challengeId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(msisdnE164, "msisdnE164");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subjectRef, "subjectRef");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingChallenge[challengeId=" + challengeId + ", purpose=" + purpose + ", expiresAt=" + expiresAt + "]";
    }
}
