package mn.gov.khur.sms.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class ReverseSmsChallengesTest extends ChallengeStoreFixture {

    @Test
    void issuesASixDigitCodeAndAnUnguessableId() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenge.code()).matches("[0-9]{6}");
        assertThat(challenge.challengeId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(challenge.msisdnE164()).isEqualTo(PHONE);
        assertThat(challenge.purpose()).isEqualTo(ChallengePurpose.LOGIN);
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(FIVE_MINUTES));
        assertThat(challenge.toString()).doesNotContain(challenge.code());
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void acceptsAnyMsisdnFormAndStoresE164() {
        PendingChallenge challenge = challenges.issue(realm, "99112233", ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenge.msisdnE164()).isEqualTo(PHONE);
        assertThat(challenges.match(realm, PHONE, challenge.code())).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void neitherCodeNorPhoneAppearsInAnyKeyAndTheCodeInNoValue() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(store.keys()).allSatisfy(key -> {
            assertThat(key).doesNotContain(challenge.code());
            assertThat(key).doesNotContain("99112233");
        });
        assertThat(store.snapshot().values()).allSatisfy(notes -> assertThat(notes.values()).doesNotContain(challenge.code()));
    }

    @Test
    void theExpectedSenderWithTheRightCodeMatchesOnce() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        clock.advance(Duration.ofSeconds(42));

        MatchOutcome outcome = challenges.match(realm, PHONE, challenge.code(), MatchEvidence.of("mobicom-1", clock.instant()));

        assertThat(outcome).isEqualTo(new MatchOutcome.Matched(challenge.challengeId(), ChallengePurpose.LOGIN, USER,
                challenge.issuedAt(), clock.instant()));
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.MATCHED);
        assertThat(challenges.match(realm, PHONE, challenge.code())).isInstanceOf(MatchOutcome.Unmatched.class);
    }

    @Test
    void aMatchIsConsumedOnlyOnce() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.PHONE_CHANGE, USER, FIVE_MINUTES);
        clock.advance(Duration.ofSeconds(30));
        challenges.match(realm, PHONE, challenge.code(), MatchEvidence.of("gw-7", Instant.parse("2026-11-24T10:00:29Z")));

        MatchedChallenge matched = challenges.consumeMatch(challenge.challengeId()).orElseThrow();

        assertThat(matched.challengeId()).isEqualTo(challenge.challengeId());
        assertThat(matched.purpose()).isEqualTo(ChallengePurpose.PHONE_CHANGE);
        assertThat(matched.subjectRef()).isEqualTo(USER);
        assertThat(matched.msisdnE164()).isEqualTo(PHONE);
        assertThat(matched.messageId()).contains("gw-7");
        assertThat(matched.receivedAt()).contains(Instant.parse("2026-11-24T10:00:29Z"));
        assertThat(matched.challengeToSms()).isEqualTo(Duration.ofSeconds(30));
        assertThat(challenges.consumeMatch(challenge.challengeId())).isEmpty();
    }

    @Test
    void theRightCodeFromAnotherPhoneDoesNotMatch() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenges.match(realm, OTHER_PHONE, challenge.code()))
                .isEqualTo(MatchOutcome.Unmatched.nothingPending());
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);
        assertThat(challenges.match(realm, PHONE, challenge.code())).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void aWrongCodeFromTheExpectedPhoneIsAttributedToItsAccount() {
        random.codes(111111);
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        MatchOutcome outcome = challenges.match(realm, PHONE, "222222");

        assertThat(outcome).isEqualTo(new MatchOutcome.Unmatched(java.util.Optional.of(
                new MatchOutcome.PendingSender(challenge.challengeId(), ChallengePurpose.LOGIN, USER))));
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void wrongCodesAreNotAttributedOnceNothingIsPending() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        challenges.match(realm, PHONE, challenge.code());

        assertThat(challenges.match(realm, PHONE, "000000")).isEqualTo(MatchOutcome.Unmatched.nothingPending());
    }

    @Test
    void malformedCodesAndSendersNeverMatch() {
        random.codes(123456);
        challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenges.match(realm, PHONE, "12345")).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, PHONE, "1234567")).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, PHONE, null)).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, "not a phone", "123456")).isEqualTo(MatchOutcome.Unmatched.nothingPending());
        assertThat(challenges.match(realm, PHONE, "123456")).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void aChallengeExpires() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        clock.advance(FIVE_MINUTES.plusSeconds(1));

        assertThat(challenges.match(realm, PHONE, challenge.code())).isEqualTo(MatchOutcome.Unmatched.nothingPending());
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void expiryIsCheckedEvenIfTheStoreStillHoldsTheEntry() {
        // the store's lifespan is rounded up to whole seconds; the challenge itself ends to the millisecond
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1500));

        assertThat(challenges.match(realm, PHONE, challenge.code())).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void anUnconsumedMatchIsForgottenAfterTheGrace() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        challenges.match(realm, PHONE, challenge.code());
        clock.advance(FIVE_MINUTES.plus(ReverseSmsChallenges.MATCH_GRACE).plusSeconds(1));

        assertThat(challenges.consumeMatch(challenge.challengeId())).isEmpty();
        assertThat(challenges.status(challenge.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void aWithdrawnChallengeNoLongerMatches() {
        PendingChallenge old = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        challenges.withdraw(old);
        PendingChallenge fresh = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenges.status(old.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
        if (!old.code().equals(fresh.code())) {
            assertThat(challenges.match(realm, PHONE, old.code())).isInstanceOf(MatchOutcome.Unmatched.class);
        }
        assertThat(challenges.match(realm, PHONE, fresh.code())).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void withdrawingFromSessionNotesAndByIdWorkToo() {
        PendingChallenge byNotes = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        PendingChallenge byId = challenges.issue(realm, OTHER_PHONE, ChallengePurpose.LOGIN, "user-2", FIVE_MINUTES);

        challenges.withdraw(realm, byNotes.msisdnE164(), byNotes.code(), byNotes.challengeId());
        challenges.withdraw(byId.challengeId());

        assertThat(challenges.match(realm, PHONE, byNotes.code())).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, OTHER_PHONE, byId.code())).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.status(byNotes.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.status(byId.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void withdrawingAnExpiredChallengeLeavesANewerOneWithTheSameCodeAlone() {
        random.codes(424242);
        PendingChallenge old = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        clock.advance(FIVE_MINUTES.plusSeconds(1));
        random.codes(424242);
        PendingChallenge fresh = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        challenges.withdraw(old);

        assertThat(challenges.match(realm, PHONE, "424242"))
                .isEqualTo(new MatchOutcome.Matched(fresh.challengeId(), ChallengePurpose.LOGIN, USER, fresh.issuedAt(),
                        clock.instant()));
    }

    @Test
    void oneSenderNeverHoldsTwoPendingChallengesWithTheSameCode() {
        random.codes(555555, 555555, 555555, 777777);
        PendingChallenge first = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        PendingChallenge second = challenges.issue(realm, PHONE, ChallengePurpose.PASSWORD_RESET, USER, FIVE_MINUTES);

        assertThat(first.code()).isEqualTo("555555");
        assertThat(second.code()).isEqualTo("777777");
        assertThat(challenges.match(realm, PHONE, "555555"))
                .extracting(outcome -> ((MatchOutcome.Matched) outcome).challengeId()).isEqualTo(first.challengeId());
        assertThat(challenges.match(realm, PHONE, "777777"))
                .extracting(outcome -> ((MatchOutcome.Matched) outcome).challengeId()).isEqualTo(second.challengeId());
    }

    @Test
    void differentSendersMayShareACode() {
        random.codes(555555, 555555);
        PendingChallenge mine = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        PendingChallenge theirs = challenges.issue(realm, OTHER_PHONE, ChallengePurpose.LOGIN, "user-2", FIVE_MINUTES);

        assertThat(mine.code()).isEqualTo(theirs.code());
        assertThat(challenges.match(realm, OTHER_PHONE, "555555"))
                .extracting(outcome -> ((MatchOutcome.Matched) outcome).subjectRef()).isEqualTo("user-2");
        assertThat(challenges.status(mine.challengeId())).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void givesUpWhenNoFreeCodeIsFound() {
        random.codes(999999);
        challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        int[] always = new int[64];
        java.util.Arrays.fill(always, 999999);
        random.codes(always);

        assertThatThrownBy(() -> challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("99112233");
    }

    @Test
    void realmsAreSeparate() {
        RealmModel other = TestRealms.realm("realm-b");
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);

        assertThat(challenges.match(other, PHONE, challenge.code())).isEqualTo(MatchOutcome.Unmatched.nothingPending());
        assertThat(challenges.status(other, challenge.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.status(realm, challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);

        challenges.match(realm, PHONE, challenge.code());
        assertThat(challenges.status(other, challenge.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.consumeMatch(other, challenge.challengeId())).isEmpty();
        assertThat(challenges.consumeMatch(realm, challenge.challengeId())).isPresent();
    }

    @Test
    void unknownAndMalformedIdsAreExpired() {
        assertThat(challenges.status("AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.status("../../etc/passwd")).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.status(null)).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(challenges.consumeMatch("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(challenges.consumeMatch("short")).isEmpty();
    }

    @Test
    void refusesLifetimesBeyondTenMinutesAndNonMobileNumbers() {
        assertThatThrownBy(() -> challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> challenges.issue(realm, "+97611312345", ChallengePurpose.LOGIN, USER, FIVE_MINUTES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreSpreadOverTheWholeRange() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String phone = "+9769911" + String.format("%04d", i);
            codes.add(challenges.issue(realm, phone, ChallengePurpose.LOGIN, USER, FIVE_MINUTES).code());
        }
        assertThat(codes).hasSizeGreaterThan(190);
        assertThat(codes).anyMatch(code -> code.startsWith("0") || code.startsWith("1"));
    }

    @Test
    void ofConcurrentIdenticalSmsOnlyOneMatches() throws Exception {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<MatchOutcome>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(() -> challenges.match(realm, PHONE, challenge.code()));
            }
            long matched = 0;
            for (Future<MatchOutcome> result : pool.invokeAll(attempts)) {
                matched += result.get() instanceof MatchOutcome.Matched ? 1 : 0;
            }
            assertThat(matched).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMatchToConsumeAndTimeLeftServeTheStatusLongPoll() {
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
        clock.advance(Duration.ofSeconds(60));

        assertThat(challenges.hasMatchToConsume(challenge.challengeId())).isFalse();
        assertThat(challenges.timeLeft(challenge.challengeId())).contains(Duration.ofMinutes(4));

        challenges.match(realm, PHONE, challenge.code());
        assertThat(challenges.hasMatchToConsume(challenge.challengeId())).isTrue();
        challenges.consumeMatch(challenge.challengeId());
        assertThat(challenges.hasMatchToConsume(challenge.challengeId())).isFalse();

        assertThat(challenges.timeLeft("unknown-id-of-22-chars")).isEmpty();
        assertThat(challenges.timeLeft("not an id")).isEmpty();
        assertThat(challenges.hasMatchToConsume("not an id")).isFalse();
    }

    @Test
    void timeLeftIsNeverNegative() {
        // the store keeps the entry for whole seconds; the challenge ends to the millisecond
        PendingChallenge challenge = challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, Duration.ofMillis(1500));
        clock.advance(Duration.ofMillis(1800));

        assertThat(challenges.timeLeft(challenge.challengeId())).contains(Duration.ZERO);
    }
}
