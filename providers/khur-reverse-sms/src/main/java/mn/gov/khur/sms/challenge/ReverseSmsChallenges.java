package mn.gov.khur.sms.challenge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import mn.gov.khur.common.crypto.ConstantTime;
import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Reverse-SMS challenges, kept in Keycloak's cluster-wide {@link SingleUseObjectProvider}
 * (entries expire by themselves; nothing lives in this JVM only).
 *
 * <p>Entries, all with the challenge's lifetime unless noted:
 * <ul>
 *   <li>{@code pending:sha256(realm|msisdn|code)}: reserved with {@code putIfAbsent} (so one sender never
 *       has two pending challenges with the same code), then filled with the challenge. A match is an
 *       atomic {@code remove}: of two concurrent SMS only one gets the entry.</li>
 *   <li>{@code challenge:{id}}: for the status poll and for withdrawing by id.</li>
 *   <li>{@code sender:sha256(realm|msisdn)}: the sender's latest challenge, to attribute wrong codes.</li>
 *   <li>{@code matched:{id}} and {@code matched-flag:{id}}: written on a match, lifetime left + 60 s grace;
 *       {@link #consumeMatch} removes the former, so a match completes one flow once.</li>
 * </ul>
 *
 * <p>Keycloak's Infinispan provider writes {@code put} only when the request's transaction commits,
 * while {@code putIfAbsent} and {@code remove} act at once. Hence: issue and withdraw the same challenge
 * in different requests; and {@link #status} may report MATCHED a moment before {@link #consumeMatch}
 * can see the match (the flow should then simply keep waiting).
 */
public final class ReverseSmsChallenges {

    /** Contract §2 default. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** Threat model §1: a code lives at most 10 minutes. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** How long a match waits for the browser to pick it up after the challenge's own expiry. */
    static final Duration MATCH_GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(ReverseSmsChallenges.class);
    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();
    private static final int CODE_SPACE = 1_000_000;
    /** A sender holding this many pending codes is abuse, not bad luck (each collision has p ≤ n/10^6). */
    private static final int MAX_CODE_ATTEMPTS = 32;

    // note names
    private static final String REALM_ID = "realmId";
    private static final String CHALLENGE_ID = "challengeId";
    private static final String CODE_HASH = "codeHash";
    private static final String MSISDN = "msisdn";
    private static final String PURPOSE = "purpose";
    private static final String SUBJECT_REF = "subjectRef";
    private static final String ISSUED_AT = "issuedAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String PENDING_KEY = "pendingKey";
    private static final String MATCHED_AT = "matchedAt";
    private static final String MESSAGE_ID = "messageId";
    private static final String RECEIVED_AT = "receivedAt";

    private final SingleUseObjectProvider store;
    private final Clock clock;
    private final SecureRandom random;

    public ReverseSmsChallenges(KeycloakSession session) {
        this(session.singleUseObjects(), KeycloakTimeClock.INSTANCE, DEFAULT_RANDOM);
    }

    /** For tests and tools: any store and clock. */
    public ReverseSmsChallenges(SingleUseObjectProvider store, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Issues a new challenge that only an SMS from {@code expectedMsisdnE164} carrying the returned code
     * can complete.
     *
     * @param expectedMsisdnE164 the phone that must send the code (any accepted form; stored as E.164)
     * @param subjectRef the user id, or for a registration the flow's own reference
     * @param lifetime at most {@link #MAX_LIFETIME}
     * @throws IllegalArgumentException for a non-Mongolian-mobile number or a lifetime out of range
     * @throws IllegalStateException if no free code could be found for this sender
     */
    public PendingChallenge issue(RealmModel realm, String expectedMsisdnE164, ChallengePurpose purpose,
                                  String subjectRef, Duration lifetime) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subjectRef, "subjectRef");
        requireLifetimeInRange(lifetime);
        String msisdn = MongolianMobileNumber.parse(expectedMsisdnE164).e164();
        String realmId = realm.getId();
        long lifespanSeconds = ceilSeconds(lifetime);

        String code = null;
        String pendingKey = null;
        for (int attempt = 0; attempt < MAX_CODE_ATTEMPTS && pendingKey == null; attempt++) {
            String candidate = newCode();
            String key = ChallengeKeys.pending(realmId, msisdn, candidate);
            if (store.putIfAbsent(key, lifespanSeconds)) {
                code = candidate;
                pendingKey = key;
            }
        }
        if (pendingKey == null) {
            throw new IllegalStateException("No free reverse-SMS code for sender " + MongolianMobileNumber.parse(msisdn).masked());
        }

        String challengeId = newChallengeId();
        Instant issuedAt = clock.instant();
        Instant expiresAt = issuedAt.plus(lifetime);

        Map<String, String> notes = new HashMap<>();
        notes.put(REALM_ID, realmId);
        notes.put(CHALLENGE_ID, challengeId);
        notes.put(CODE_HASH, ChallengeKeys.codeHash(challengeId, code));
        notes.put(MSISDN, msisdn);
        notes.put(PURPOSE, purpose.name());
        notes.put(SUBJECT_REF, subjectRef);
        notes.put(ISSUED_AT, Long.toString(issuedAt.toEpochMilli()));
        notes.put(EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()));
        notes.put(PENDING_KEY, pendingKey);
        store.put(pendingKey, lifespanSeconds, notes);
        store.put(ChallengeKeys.challenge(challengeId), lifespanSeconds, notes);
        store.put(ChallengeKeys.sender(realmId, msisdn), lifespanSeconds, notes);

        LOG.debugf("Issued reverse-SMS challenge %s (%s) for %s, expires %s", challengeId, purpose,
                MongolianMobileNumber.parse(msisdn).masked(), expiresAt);
        return new PendingChallenge(realmId, challengeId, code, msisdn, purpose, subjectRef, issuedAt, expiresAt);
    }

    /** Stops the challenge from matching, e.g. when the citizen asks for a new code. */
    public void withdraw(PendingChallenge challenge) {
        withdrawEntries(challenge.realmId(), challenge.msisdnE164(), challenge.code(), challenge.challengeId());
    }

    /** Same as {@link #withdraw(PendingChallenge)}, from what a flow keeps in its session notes. */
    public void withdraw(RealmModel realm, String msisdnE164, String code, String challengeId) {
        withdrawEntries(realm.getId(), msisdnE164, code, challengeId);
    }

    /** Withdraws by id alone (the code is found through the challenge's status entry). */
    public void withdraw(String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return;
        }
        Map<String, String> entry = store.remove(ChallengeKeys.challenge(challengeId));
        if (hasNotes(entry) && entry.get(PENDING_KEY) != null) {
            removePendingIfOwnedBy(entry.get(PENDING_KEY), challengeId);
        }
    }

    private void withdrawEntries(String realmId, String msisdnE164, String code, String challengeId) {
        Optional<MongolianMobileNumber> msisdn = MongolianMobileNumber.tryParse(msisdnE164);
        if (msisdn.isPresent() && code != null) {
            removePendingIfOwnedBy(ChallengeKeys.pending(realmId, msisdn.get().e164(), code), challengeId);
        }
        if (ChallengeKeys.isChallengeId(challengeId)) {
            store.remove(ChallengeKeys.challenge(challengeId));
        }
    }

    // The same (sender, code) may have been reserved again by a newer challenge once ours expired: never take theirs.
    private void removePendingIfOwnedBy(String pendingKey, String challengeId) {
        Map<String, String> removed = store.remove(pendingKey);
        if (hasNotes(removed) && !removed.get(CHALLENGE_ID).equals(challengeId)) {
            long remaining = remainingSeconds(removed);
            if (remaining > 0) {
                store.putIfAbsent(pendingKey, remaining);
                store.put(pendingKey, remaining, removed);
            }
        }
    }

    /** {@link #match(RealmModel, String, String, MatchEvidence)} without gateway details. */
    public MatchOutcome match(RealmModel realm, String senderE164, String code) {
        return match(realm, senderE164, code, MatchEvidence.NONE);
    }

    /**
     * Offers an authentic inbound SMS. Matches only when the sender is the challenge's expected phone
     * AND the code is that challenge's code, before it expires. A matched challenge is gone: the
     * same SMS again (or another with the same code) does not match.
     */
    public MatchOutcome match(RealmModel realm, String senderE164, String code, MatchEvidence evidence) {
        Objects.requireNonNull(realm, "realm");
        Optional<MongolianMobileNumber> sender = MongolianMobileNumber.tryParse(senderE164);
        if (sender.isEmpty()) {
            return MatchOutcome.Unmatched.nothingPending();
        }
        String realmId = realm.getId();
        String msisdn = sender.get().e164();
        if (code == null || !code.matches("[0-9]{6}")) {
            return unmatched(realmId, msisdn);
        }
        Instant now = clock.instant();
        Map<String, String> pending = store.remove(ChallengeKeys.pending(realmId, msisdn, code));
        if (!hasNotes(pending)) {
            return unmatched(realmId, msisdn);
        }
        String challengeId = pending.get(CHALLENGE_ID);
        boolean authentic = realmId.equals(pending.get(REALM_ID))
                && msisdn.equals(pending.get(MSISDN))
                && ConstantTime.equals(ChallengeKeys.codeHash(challengeId, code), pending.get(CODE_HASH));
        if (!authentic) {
            LOG.warnf("Reverse-SMS pending entry for %s failed its integrity check; ignored", sender.get().masked());
            return unmatched(realmId, msisdn);
        }
        Instant expiresAt = instant(pending, EXPIRES_AT);
        if (!now.isBefore(expiresAt)) {
            return unmatched(realmId, msisdn); // removed anyway: an expired code must not match later either
        }

        Map<String, String> match = new HashMap<>(pending);
        match.remove(CODE_HASH);
        match.put(MATCHED_AT, Long.toString(now.toEpochMilli()));
        evidence.messageId().ifPresent(id -> match.put(MESSAGE_ID, id));
        evidence.receivedAt().ifPresent(at -> match.put(RECEIVED_AT, Long.toString(at.toEpochMilli())));
        long keepSeconds = ceilSeconds(Duration.between(now, expiresAt).plus(MATCH_GRACE));
        store.putIfAbsent(ChallengeKeys.matchedFlag(challengeId), keepSeconds);
        store.put(ChallengeKeys.matched(challengeId), keepSeconds, match);

        ChallengePurpose purpose = ChallengePurpose.parse(pending.get(PURPOSE));
        LOG.debugf("Reverse-SMS challenge %s (%s) matched by %s", challengeId, purpose, sender.get().masked());
        return new MatchOutcome.Matched(challengeId, purpose, pending.get(SUBJECT_REF), instant(pending, ISSUED_AT), now);
    }

    private MatchOutcome.Unmatched unmatched(String realmId, String msisdn) {
        Map<String, String> latest = store.get(ChallengeKeys.sender(realmId, msisdn));
        if (!hasNotes(latest) || !isStillPending(latest)) {
            return MatchOutcome.Unmatched.nothingPending();
        }
        return new MatchOutcome.Unmatched(Optional.of(new MatchOutcome.PendingSender(latest.get(CHALLENGE_ID),
                ChallengePurpose.parse(latest.get(PURPOSE)), latest.get(SUBJECT_REF))));
    }

    /** PENDING / MATCHED / EXPIRED; unknown and malformed ids are EXPIRED. */
    public ChallengeStatus status(String challengeId) {
        return status(null, challengeId);
    }

    /** Like {@link #status(String)}, and a challenge of another realm is EXPIRED. */
    public ChallengeStatus status(RealmModel realm, String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return ChallengeStatus.EXPIRED;
        }
        Map<String, String> entry = store.get(ChallengeKeys.challenge(challengeId));
        boolean realmMatches = realm == null || !hasNotes(entry) || realm.getId().equals(entry.get(REALM_ID));
        if (store.contains(ChallengeKeys.matchedFlag(challengeId))) {
            return realmMatches ? ChallengeStatus.MATCHED : ChallengeStatus.EXPIRED;
        }
        if (!hasNotes(entry) || !realmMatches || !isStillPending(entry)) {
            return ChallengeStatus.EXPIRED;
        }
        return ChallengeStatus.PENDING;
    }

    /**
     * One lookup, for the status long-poll's periodic re-check: whether a match (made on any node) is
     * committed and not yet consumed, i.e. Continue would complete now. Unlike {@link #status}, which
     * reads the flag written before the webhook's commit, so a page woken by this never continues too
     * early. Says nothing about the realm: check {@link #status(RealmModel, String)} first.
     */
    public boolean hasMatchToConsume(String challengeId) {
        return ChallengeKeys.isChallengeId(challengeId) && store.contains(ChallengeKeys.matched(challengeId));
    }

    /**
     * How long until the challenge stops being matchable (zero once expired), by this class's clock, so
     * callers on another clock can still compute their deadline; empty for unknown and malformed ids.
     */
    public Optional<Duration> timeLeft(String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return Optional.empty();
        }
        Map<String, String> entry = store.get(ChallengeKeys.challenge(challengeId));
        if (!hasNotes(entry)) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), instant(entry, EXPIRES_AT));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Hands out the match once; empty if not (yet) matched, expired or already consumed. */
    public Optional<MatchedChallenge> consumeMatch(String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return Optional.empty();
        }
        Map<String, String> match = store.remove(ChallengeKeys.matched(challengeId));
        if (!hasNotes(match)) {
            return Optional.empty();
        }
        return Optional.of(new MatchedChallenge(
                match.get(REALM_ID),
                challengeId,
                ChallengePurpose.parse(match.get(PURPOSE)),
                match.get(SUBJECT_REF),
                match.get(MSISDN),
                instant(match, ISSUED_AT),
                instant(match, MATCHED_AT),
                Optional.ofNullable(match.get(MESSAGE_ID)),
                Optional.ofNullable(match.get(RECEIVED_AT)).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)))));
    }

    /** Like {@link #consumeMatch(String)}, but a match of another realm stays untouched and is not returned. */
    public Optional<MatchedChallenge> consumeMatch(RealmModel realm, String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return Optional.empty();
        }
        Map<String, String> peek = store.get(ChallengeKeys.matched(challengeId));
        if (!hasNotes(peek) || !realm.getId().equals(peek.get(REALM_ID))) {
            return Optional.empty();
        }
        return consumeMatch(challengeId);
    }

    // The entry names a pending key; it is pending while that key still holds this very challenge, unexpired.
    private boolean isStillPending(Map<String, String> challengeNotes) {
        String pendingKey = challengeNotes.get(PENDING_KEY);
        if (pendingKey == null) {
            return false;
        }
        Map<String, String> pending = store.get(pendingKey);
        return hasNotes(pending)
                && Objects.equals(pending.get(CHALLENGE_ID), challengeNotes.get(CHALLENGE_ID))
                && clock.instant().isBefore(instant(pending, EXPIRES_AT));
    }

    private long remainingSeconds(Map<String, String> notes) {
        return ceilSeconds(Duration.between(clock.instant(), instant(notes, EXPIRES_AT)));
    }

    private String newCode() {
        return String.format(Locale.ROOT, "%06d", random.nextInt(CODE_SPACE)); // ROOT: ASCII digits whatever the JVM locale
    }

    private String newChallengeId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireLifetimeInRange(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("Challenge lifetime must be within (0, " + MAX_LIFETIME + "]: " + lifetime);
        }
    }

    // Entries made by putIfAbsent alone (a reservation not yet filled) carry no notes.
    private static boolean hasNotes(Map<String, String> notes) {
        return notes != null && notes.get(CHALLENGE_ID) != null;
    }

    private static Instant instant(Map<String, String> notes, String name) {
        String millis = notes.get(name);
        return millis == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static long ceilSeconds(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return 0;
        }
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
