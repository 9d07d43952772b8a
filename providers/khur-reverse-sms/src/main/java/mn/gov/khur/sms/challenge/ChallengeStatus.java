package mn.gov.khur.sms.challenge;

/** What the waiting page may learn about a challenge id: nothing else. */
public enum ChallengeStatus {
    PENDING,
    MATCHED,
    /** Also for withdrawn, already consumed-and-forgotten and unknown ids, so ids cannot be probed. */
    EXPIRED;

    /** Lower-case wire form used by the status endpoint. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
