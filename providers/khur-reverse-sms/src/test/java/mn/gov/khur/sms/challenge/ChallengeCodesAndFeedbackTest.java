package mn.gov.khur.sms.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 21.1 and 21.2 in the store: a page's "Шинэ код авах" adds a code to the same challenge (the codes shown
 * before keep matching until each expires; one SMS completes it once), and an SMS that came but did not count
 * is kept for the page to tell (wrong code from the expected phone; the code from another number).
 */
class ChallengeCodesAndFeedbackTest extends ChallengeStoreFixture {

    @Test
    void aNewCodeKeepsTheIdAndTheEarlierCodeStillMatches() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        clock.advance(Duration.ofSeconds(30));
        PendingChallenge second = addCode(first);

        assertThat(second.challengeId()).isEqualTo(first.challengeId());
        assertThat(second.code()).isEqualTo("222222");
        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(FIVE_MINUTES));
        assertThat(challenges.match(realm, PHONE, "111111")).isInstanceOf(MatchOutcome.Matched.class);
        assertThat(challenges.consumeMatch(realm, first.challengeId())).isPresent();
        assertThat(challenges.match(realm, PHONE, "222222")).as("one SMS completes the challenge once")
                .isInstanceOf(MatchOutcome.Unmatched.class);
    }

    @Test
    void theNewestCodeMatchesTooAndRetiresTheEarlierOnes() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        addCode(first);

        assertThat(challenges.match(realm, PHONE, "222222")).isInstanceOf(MatchOutcome.Matched.class);
        assertThat(challenges.status(realm, first.challengeId())).isEqualTo(ChallengeStatus.MATCHED);
        assertThat(challenges.match(realm, PHONE, "111111")).isInstanceOf(MatchOutcome.Unmatched.class);
    }

    @Test
    void eachCodeExpiresOnItsOwnAndTheChallengeLivesAsLongAsItsNewestCode() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        clock.advance(Duration.ofMinutes(3));
        addCode(first);
        clock.advance(Duration.ofMinutes(2).plusSeconds(1)); // the first code is over, the second is not

        assertThat(challenges.status(realm, first.challengeId())).isEqualTo(ChallengeStatus.PENDING);
        assertThat(challenges.match(realm, PHONE, "111111")).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, PHONE, "222222")).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void withdrawingTheChallengeWithdrawsEveryCode() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        PendingChallenge second = addCode(first);

        challenges.withdraw(realm, PHONE, second.code(), second.challengeId());

        assertThat(challenges.match(realm, PHONE, "111111")).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, PHONE, "222222")).isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.status(realm, first.challengeId())).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void aMatchedChallengeOrAnotherTargetGetsAFreshIdInstead() {
        PendingChallenge matched = issue();
        challenges.match(realm, PHONE, matched.code());
        assertThat(addCode(matched).challengeId()).isNotEqualTo(matched.challengeId());

        PendingChallenge mine = issue();
        PendingChallenge theirs = challenges.addCode(realm, mine.challengeId(), PHONE, ChallengePurpose.LOGIN, "user-2",
                FIVE_MINUTES);
        assertThat(theirs.challengeId()).isNotEqualTo(mine.challengeId());
        assertThat(challenges.addCode(realm, "not-an-id", PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES).challengeId())
                .matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void aChallengeCarriesAtMostSixteenLiveCodes() {
        PendingChallenge first = issue();
        PendingChallenge last = first;
        for (int i = 0; i < ReverseSmsChallenges.MAX_CODES_PER_CHALLENGE; i++) {
            last = addCode(last);
        }
        assertThat(challenges.match(realm, PHONE, first.code())).as("the oldest was withdrawn")
                .isInstanceOf(MatchOutcome.Unmatched.class);
        assertThat(challenges.match(realm, PHONE, last.code())).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void aWrongCodeFromTheExpectedPhoneIsKeptForThePage() {
        random.codes(111111);
        PendingChallenge challenge = issue();
        assertThat(challenges.feedback(realm, challenge.challengeId())).isEmpty();

        challenges.match(realm, PHONE, "999999");

        assertThat(challenges.feedback(realm, challenge.challengeId())).contains(SmsFeedback.WRONG_CODE);
        assertThat(challenges.feedback(TestRealms.realm("realm-b"), challenge.challengeId())).isEmpty();
        assertThat(challenges.status(realm, challenge.challengeId())).isEqualTo(ChallengeStatus.PENDING);
    }

    @Test
    void aTextWithoutACodeFromTheExpectedPhoneIsAWrongCodeToo() {
        PendingChallenge challenge = issue();
        challenges.match(realm, PHONE, null);
        assertThat(challenges.feedback(realm, challenge.challengeId())).contains(SmsFeedback.WRONG_CODE);
    }

    @ParameterizedTest
    @EnumSource(value = ChallengePurpose.class, names = {"PASSWORD_RESET", "REGISTRATION", "PHONE_CHANGE"})
    void onlyTheLoginLearnsThatItsPhoneTextedAWrongCode(ChallengePurpose purpose) {
        random.codes(111111);
        PendingChallenge challenge = challenges.issue(realm, PHONE, purpose, USER, FIVE_MINUTES);

        MatchOutcome outcome = challenges.match(realm, PHONE, "999999");

        assertThat(outcome).as("still attributed as before")
                .isEqualTo(new MatchOutcome.Unmatched(Optional.of(new MatchOutcome.PendingSender(challenge.challengeId(),
                        purpose, USER))));
        assertThat(challenges.feedback(realm, challenge.challengeId())).isEmpty();
    }

    @Test
    void theCodeFromAnotherNumberIsKeptForEveryPagePendingWithIt() {
        random.codes(111111, 111111);
        PendingChallenge mine = issue();
        PendingChallenge recovery = challenges.issue(realm, "+97695001122", ChallengePurpose.PASSWORD_RESET, "user-3",
                FIVE_MINUTES);

        assertThat(challenges.match(realm, OTHER_PHONE, "111111")).isEqualTo(MatchOutcome.Unmatched.nothingPending());

        assertThat(challenges.feedback(realm, mine.challengeId())).contains(SmsFeedback.OTHER_NUMBER);
        assertThat(challenges.feedback(realm, recovery.challengeId())).contains(SmsFeedback.OTHER_NUMBER);
        assertThat(challenges.match(realm, PHONE, "111111")).isInstanceOf(MatchOutcome.Matched.class);
    }

    @Test
    void anEarlierCodeFromAnotherNumberIsToldToo() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        addCode(first);

        challenges.match(realm, OTHER_PHONE, "111111");

        assertThat(challenges.feedback(realm, first.challengeId())).contains(SmsFeedback.OTHER_NUMBER);
    }

    @Test
    void noFeedbackForCodesThatAreGoneOrOfAnotherRealm() {
        random.codes(111111, 333333);
        PendingChallenge expired = issue();
        clock.advance(FIVE_MINUTES.plusSeconds(1));
        challenges.match(realm, OTHER_PHONE, "111111");
        assertThat(challenges.feedback(realm, expired.challengeId())).isEmpty();

        PendingChallenge elsewhere = challenges.issue(TestRealms.realm("realm-b"), PHONE, ChallengePurpose.LOGIN, USER,
                FIVE_MINUTES);
        challenges.match(realm, OTHER_PHONE, "333333");
        assertThat(challenges.feedback(TestRealms.realm("realm-b"), elsewhere.challengeId())).isEmpty();
    }

    @Test
    void noKeyNamesACodeOrPhoneAndNoValueHoldsACode() {
        random.codes(111111, 222222);
        PendingChallenge first = issue();
        addCode(first);
        challenges.match(realm, OTHER_PHONE, "111111");
        challenges.match(realm, PHONE, "999999");

        assertThat(store.keys()).allSatisfy(key -> {
            assertThat(key).doesNotContain("111111").doesNotContain("222222").doesNotContain("99112233")
                    .doesNotContain("88123456");
        });
        assertThat(store.snapshot().values()).allSatisfy(notes ->
                assertThat(notes.values()).doesNotContain("111111", "222222"));
    }

    private PendingChallenge issue() {
        return challenges.issue(realm, PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
    }

    private PendingChallenge addCode(PendingChallenge shown) {
        return challenges.addCode(realm, shown.challengeId(), PHONE, ChallengePurpose.LOGIN, USER, FIVE_MINUTES);
    }
}
