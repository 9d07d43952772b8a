package mn.gov.khur.sms.challenge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
 *   <li>{@code code:sha256(realm|code)}: the last few challenges that showed this code, so the code texted
 *       from another number can be told on the right pages; {@code feedback:{id}}: what to tell
 *       ({@link SmsFeedback}). Both are best effort: a lost update loses a hint, never a match.</li>
 * </ul>
 *
 * <p>A challenge may carry several codes ({@link #addCode}: the page's "Шинэ код авах"). Each code keeps its
 * own {@code pending} entry and expiry; the {@code challenge} entry lists them all ({@code pendingKeys}). The
 * first SMS with any of them completes the challenge and retires the others.
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
    /** Live codes one challenge may carry; adding one more withdraws the oldest. */
    static final int MAX_CODES_PER_CHALLENGE = 16;
    /** Challenges remembered per code for {@link SmsFeedback#OTHER_NUMBER}; more sharing one code tell little. */
    private static final int MAX_CHALLENGES_PER_CODE = 8;

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
    private static final String PENDING_KEYS = "pendingKeys";
    private static final String CHALLENGE_IDS = "challengeIds";
    private static final String FEEDBACK = "feedback";
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
        return issueUnder(newChallengeId(), List.of(), realm.getId(), MongolianMobileNumber.parse(expectedMsisdnE164).e164(),
                purpose, subjectRef, lifetime);
    }

    /**
     * One more code for the challenge a page shows (its "Шинэ код авах"): the codes issued before keep matching
     * until each expires, and the first SMS with any of them completes the challenge. The id stays, so every tab
     * showing the challenge sees the match. A challenge that already matched, or was issued for something else,
     * is not extended: a fresh one is issued instead (check the returned id).
     *
     * @throws IllegalArgumentException as {@link #issue}
     * @throws IllegalStateException as {@link #issue}
     */
    public PendingChallenge addCode(RealmModel realm, String challengeId, String expectedMsisdnE164, ChallengePurpose purpose,
                                    String subjectRef, Duration lifetime) {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subjectRef, "subjectRef");
        requireLifetimeInRange(lifetime);
        String msisdn = MongolianMobileNumber.parse(expectedMsisdnE164).e164();
        if (!ChallengeKeys.isChallengeId(challengeId) || store.contains(ChallengeKeys.matchedFlag(challengeId))) {
            return issueUnder(newChallengeId(), List.of(), realm.getId(), msisdn, purpose, subjectRef, lifetime);
        }
        Map<String, String> entry = store.get(ChallengeKeys.challenge(challengeId));
        List<String> earlier = List.of();
        if (hasNotes(entry)) {
            boolean same = realm.getId().equals(entry.get(REALM_ID)) && msisdn.equals(entry.get(MSISDN))
                    && purpose.name().equals(entry.get(PURPOSE)) && subjectRef.equals(entry.get(SUBJECT_REF));
            if (!same) {
                return issueUnder(newChallengeId(), List.of(), realm.getId(), msisdn, purpose, subjectRef, lifetime);
            }
            earlier = livePendingKeys(entry);
        }
        while (earlier.size() >= MAX_CODES_PER_CHALLENGE) {
            removePendingIfOwnedBy(earlier.get(0), challengeId);
            earlier = earlier.subList(1, earlier.size());
        }
        return issueUnder(challengeId, earlier, realm.getId(), msisdn, purpose, subjectRef, lifetime);
    }

    private PendingChallenge issueUnder(String challengeId, List<String> earlierPendingKeys, String realmId, String msisdn,
                                        ChallengePurpose purpose, String subjectRef, Duration lifetime) {
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
        List<String> pendingKeys = new ArrayList<>(earlierPendingKeys);
        pendingKeys.add(pendingKey);
        notes.put(PENDING_KEYS, String.join(" ", pendingKeys));
        store.put(pendingKey, lifespanSeconds, notes);
        store.put(ChallengeKeys.challenge(challengeId), lifespanSeconds, notes);
        store.put(ChallengeKeys.sender(realmId, msisdn), lifespanSeconds, notes);
        rememberCode(realmId, code, challengeId, lifespanSeconds);

        LOG.debugf("Issued reverse-SMS challenge %s (%s) for %s, expires %s", challengeId, purpose,
                MongolianMobileNumber.parse(msisdn).masked(), expiresAt);
        return new PendingChallenge(realmId, challengeId, code, msisdn, purpose, subjectRef, issuedAt, expiresAt);
    }

    /** Stops the challenge (every code it carries) from matching, e.g. when the citizen leaves the page. */
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
        if (hasNotes(entry)) {
            pendingKeys(entry).forEach(key -> removePendingIfOwnedBy(key, challengeId));
        }
    }

    private void withdrawEntries(String realmId, String msisdnE164, String code, String challengeId) {
        Optional<MongolianMobileNumber> msisdn = MongolianMobileNumber.tryParse(msisdnE164);
        if (msisdn.isPresent() && code != null) {
            removePendingIfOwnedBy(ChallengeKeys.pending(realmId, msisdn.get().e164(), code), challengeId);
        }
        if (ChallengeKeys.isChallengeId(challengeId)) {
            Map<String, String> entry = store.remove(ChallengeKeys.challenge(challengeId));
            if (hasNotes(entry)) {
                pendingKeys(entry).forEach(key -> removePendingIfOwnedBy(key, challengeId)); // the earlier codes too
            }
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
            return unmatched(realmId, msisdn, null);
        }
        Instant now = clock.instant();
        Map<String, String> pending = store.remove(ChallengeKeys.pending(realmId, msisdn, code));
        if (!hasNotes(pending)) {
            return unmatched(realmId, msisdn, code);
        }
        String challengeId = pending.get(CHALLENGE_ID);
        boolean authentic = realmId.equals(pending.get(REALM_ID))
                && msisdn.equals(pending.get(MSISDN))
                && ConstantTime.equals(ChallengeKeys.codeHash(challengeId, code), pending.get(CODE_HASH));
        if (!authentic) {
            LOG.warnf("Reverse-SMS pending entry for %s failed its integrity check; ignored", sender.get().masked());
            return unmatched(realmId, msisdn, null);
        }
        Instant expiresAt = instant(pending, EXPIRES_AT);
        if (!now.isBefore(expiresAt)) {
            return unmatched(realmId, msisdn, null); // removed anyway: an expired code must not match later either
        }

        Map<String, String> match = new HashMap<>(pending);
        match.remove(CODE_HASH);
        match.put(MATCHED_AT, Long.toString(now.toEpochMilli()));
        evidence.messageId().ifPresent(id -> match.put(MESSAGE_ID, id));
        evidence.receivedAt().ifPresent(at -> match.put(RECEIVED_AT, Long.toString(at.toEpochMilli())));
        long keepSeconds = ceilSeconds(Duration.between(now, expiresAt).plus(MATCH_GRACE));
        store.putIfAbsent(ChallengeKeys.matchedFlag(challengeId), keepSeconds);
        store.put(ChallengeKeys.matched(challengeId), keepSeconds, match);
        retireOtherCodes(challengeId, pending.get(PENDING_KEY));

        ChallengePurpose purpose = ChallengePurpose.parse(pending.get(PURPOSE));
        LOG.debugf("Reverse-SMS challenge %s (%s) matched by %s", challengeId, purpose, sender.get().masked());
        return new MatchOutcome.Matched(challengeId, purpose, pending.get(SUBJECT_REF), instant(pending, ISSUED_AT), now);
    }

    // codeFromAnotherNumber: a well-formed code that matched nothing of this sender, which may be someone's code
    private MatchOutcome.Unmatched unmatched(String realmId, String msisdn, String codeFromAnotherNumber) {
        if (codeFromAnotherNumber != null) {
            tellOtherNumber(realmId, msisdn, codeFromAnotherNumber);
        }
        Map<String, String> latest = store.get(ChallengeKeys.sender(realmId, msisdn));
        if (!hasNotes(latest) || !isStillPending(latest)) {
            return MatchOutcome.Unmatched.nothingPending();
        }
        ChallengePurpose purpose = ChallengePurpose.parse(latest.get(PURPOSE));
        if (purpose != null && purpose.toldOfWrongCodes()) {
            tell(latest, SmsFeedback.WRONG_CODE);
        }
        return new MatchOutcome.Unmatched(Optional.of(new MatchOutcome.PendingSender(latest.get(CHALLENGE_ID),
                purpose, latest.get(SUBJECT_REF))));
    }

    // The pending challenges that showed this code and expect another phone: their pages may say where it came from.
    private void tellOtherNumber(String realmId, String sender, String code) {
        Map<String, String> index = store.get(ChallengeKeys.byCode(realmId, code));
        if (!hasNotes(index)) {
            return;
        }
        Instant now = clock.instant();
        for (String challengeId : words(index.get(CHALLENGE_IDS))) {
            Map<String, String> challenge = ChallengeKeys.isChallengeId(challengeId)
                    ? store.get(ChallengeKeys.challenge(challengeId)) : null;
            if (!hasNotes(challenge) || !realmId.equals(challenge.get(REALM_ID)) || sender.equals(challenge.get(MSISDN))) {
                continue;
            }
            Map<String, String> pending = store.get(ChallengeKeys.pending(realmId, challenge.get(MSISDN), code));
            if (hasNotes(pending) && challengeId.equals(pending.get(CHALLENGE_ID)) && now.isBefore(instant(pending, EXPIRES_AT))) {
                tell(challenge, SmsFeedback.OTHER_NUMBER);
            }
        }
    }

    private void tell(Map<String, String> challengeNotes, SmsFeedback feedback) {
        long seconds = remainingSeconds(challengeNotes);
        if (seconds > 0) {
            store.put(ChallengeKeys.feedback(challengeNotes.get(CHALLENGE_ID)), seconds, Map.of(
                    CHALLENGE_ID, challengeNotes.get(CHALLENGE_ID), REALM_ID, challengeNotes.get(REALM_ID),
                    FEEDBACK, feedback.wireName()));
        }
    }

    /**
     * What the page of a pending challenge should tell about the latest SMS that came for it but did not complete
     * it; empty if none came (or the id is unknown, malformed or of another realm).
     */
    public Optional<SmsFeedback> feedback(RealmModel realm, String challengeId) {
        if (!ChallengeKeys.isChallengeId(challengeId)) {
            return Optional.empty();
        }
        Map<String, String> entry = store.get(ChallengeKeys.feedback(challengeId));
        if (!hasNotes(entry) || !realm.getId().equals(entry.get(REALM_ID))) {
            return Optional.empty();
        }
        return SmsFeedback.parse(entry.get(FEEDBACK));
    }

    private void rememberCode(String realmId, String code, String challengeId, long lifespanSeconds) {
        String key = ChallengeKeys.byCode(realmId, code);
        Map<String, String> index = store.get(key);
        List<String> ids = new ArrayList<>(hasNotes(index) ? words(index.get(CHALLENGE_IDS)) : List.of());
        ids.remove(challengeId);
        ids.add(challengeId);
        while (ids.size() > MAX_CHALLENGES_PER_CODE) {
            ids.remove(0);
        }
        store.put(key, lifespanSeconds, Map.of(CHALLENGE_ID, challengeId, CHALLENGE_IDS, String.join(" ", ids)));
    }

    // One SMS completes one challenge: its other codes must not match afterwards.
    private void retireOtherCodes(String challengeId, String matchedPendingKey) {
        Map<String, String> entry = store.get(ChallengeKeys.challenge(challengeId));
        if (hasNotes(entry)) {
            pendingKeys(entry).stream().filter(key -> !key.equals(matchedPendingKey))
                    .forEach(key -> removePendingIfOwnedBy(key, challengeId));
        }
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

    // The entry names its pending keys; it is pending while one of them still holds this very challenge, unexpired.
    private boolean isStillPending(Map<String, String> challengeNotes) {
        return !livePendingKeys(challengeNotes).isEmpty();
    }

    private List<String> livePendingKeys(Map<String, String> challengeNotes) {
        List<String> live = new ArrayList<>();
        for (String pendingKey : pendingKeys(challengeNotes)) {
            Map<String, String> pending = store.get(pendingKey);
            if (hasNotes(pending)
                    && Objects.equals(pending.get(CHALLENGE_ID), challengeNotes.get(CHALLENGE_ID))
                    && clock.instant().isBefore(instant(pending, EXPIRES_AT))) {
                live.add(pendingKey);
            }
        }
        return live;
    }

    // Entries written before challenges could carry several codes name only one.
    private static List<String> pendingKeys(Map<String, String> challengeNotes) {
        String all = challengeNotes.get(PENDING_KEYS);
        if (all != null) {
            return words(all);
        }
        String one = challengeNotes.get(PENDING_KEY);
        return one == null ? List.of() : List.of(one);
    }

    private static List<String> words(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? List.of() : List.of(spaceSeparated.trim().split(" +"));
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
