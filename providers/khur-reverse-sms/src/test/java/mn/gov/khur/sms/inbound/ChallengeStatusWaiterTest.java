package mn.gov.khur.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.MutableClock;

import org.junit.jupiter.api.Test;

class ChallengeStatusWaiterTest {

    private static final String A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String B = "BBBBBBBBBBBBBBBBBBBBBB";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final FakeStore store = new FakeStore();
    private final ChallengeStatusWaiter waiter = new ChallengeStatusWaiter(store, clock, Runnable::run, 3);

    @Test
    void aPendingChallengeIsHeldUntilTheStoreShowsItMatched() {
        CompletableFuture<ChallengeStatus> answer = hold(A, Duration.ofSeconds(25));
        waiter.tick();
        assertThat(answer).isNotDone();

        store.matched.add(A); // e.g. by the webhook on another node
        waiter.tick();

        assertThat(answer).isCompletedWithValue(ChallengeStatus.MATCHED);
        assertThat(waiter.held()).isZero();
    }

    @Test
    void atTheDeadlineTheFullStatusIsTheAnswer() {
        CompletableFuture<ChallengeStatus> stillPending = hold(A, Duration.ofSeconds(25));
        CompletableFuture<ChallengeStatus> expired = hold(B, Duration.ofSeconds(10));
        store.statuses.put(A, ChallengeStatus.PENDING);
        store.statuses.put(B, ChallengeStatus.EXPIRED);

        clock.advance(Duration.ofSeconds(10));
        waiter.tick();
        assertThat(expired).isCompletedWithValue(ChallengeStatus.EXPIRED);
        assertThat(stillPending).isNotDone();

        clock.advance(Duration.ofSeconds(15));
        waiter.tick();
        assertThat(stillPending).isCompletedWithValue(ChallengeStatus.PENDING);
        assertThat(waiter.held()).isZero();
    }

    @Test
    void aMatchOnThisNodeWakesItsRequestsWithoutATick() {
        CompletableFuture<ChallengeStatus> first = hold(A, Duration.ofSeconds(25));
        CompletableFuture<ChallengeStatus> secondTab = hold(A, Duration.ofSeconds(25));
        CompletableFuture<ChallengeStatus> other = hold(B, Duration.ofSeconds(25));

        waiter.wake(A);

        assertThat(first).isCompletedWithValue(ChallengeStatus.MATCHED);
        assertThat(secondTab).isCompletedWithValue(ChallengeStatus.MATCHED);
        assertThat(other).isNotDone();
        assertThat(waiter.held()).isEqualTo(1);
        assertThat(store.reads).as("a wake-up needs no store read").isZero();
    }

    @Test
    void beyondTheLimitNothingIsHeldUntilARequestIsAnswered() {
        hold(A, Duration.ofSeconds(25));
        hold(A, Duration.ofSeconds(25));
        hold(B, Duration.ofSeconds(25));

        assertThat(waiter.hold(B, clock.instant().plusSeconds(25))).isEmpty();
        assertThat(waiter.refusedAtLimit()).as("what the operator's meter counts").isEqualTo(1);

        waiter.wake(A);
        assertThat(waiter.held()).isEqualTo(1);
        assertThat(waiter.hold(B, clock.instant().plusSeconds(25))).isPresent();
    }

    @Test
    void aLimitOfZeroHoldsNothing() {
        ChallengeStatusWaiter off = new ChallengeStatusWaiter(store, clock, Runnable::run, 0);

        assertThat(off.hold(A, clock.instant().plusSeconds(25))).isEmpty();
        assertThat(off.refusedAtLimit()).as("long-polling off is not a limit reached").isZero();
    }

    @Test
    void aStoreFaultFailsOnlyTheRequestsAtTheirDeadline() {
        CompletableFuture<ChallengeStatus> due = hold(A, Duration.ofSeconds(1));
        CompletableFuture<ChallengeStatus> notYet = hold(B, Duration.ofSeconds(25));
        store.broken = true;

        clock.advance(Duration.ofSeconds(1));
        waiter.tick();

        assertThat(due).isCompletedExceptionally();
        assertThat(notYet).isNotDone();
        store.broken = false;
        store.matched.add(B);
        waiter.tick();
        assertThat(notYet).isCompletedWithValue(ChallengeStatus.MATCHED);
    }

    @Test
    void nothingHeldMeansNoStoreRead() {
        waiter.tick();
        hold(A, Duration.ofSeconds(25));
        waiter.wake(A);
        waiter.tick();
        waiter.wake(A);

        assertThat(store.reads).isZero();
        assertThat(waiter.held()).isZero();
    }

    @Test
    void aWakeUpIsRunOnTheGivenExecutorNotTheCaller() {
        Set<Runnable> queued = new HashSet<>();
        ChallengeStatusWaiter queuedWaiter = new ChallengeStatusWaiter(store, clock, queued::add, 3);
        CompletionStage<ChallengeStatus> answer = queuedWaiter.hold(A, clock.instant().plusSeconds(25)).orElseThrow();

        queuedWaiter.wake(A);
        assertThat(answer.toCompletableFuture()).isNotDone();

        queued.forEach(Runnable::run);
        assertThat(answer.toCompletableFuture()).isCompletedWithValue(ChallengeStatus.MATCHED);
    }

    private CompletableFuture<ChallengeStatus> hold(String challengeId, Duration wait) {
        Optional<CompletionStage<ChallengeStatus>> held = waiter.hold(challengeId, clock.instant().plus(wait));
        assertThat(held).isPresent();
        return held.get().toCompletableFuture();
    }

    private static final class FakeStore implements ChallengeStatusWaiter.Store {
        final Set<String> matched = new HashSet<>();
        final Map<String, ChallengeStatus> statuses = new HashMap<>();
        boolean broken;
        int reads;

        @Override
        public void read(Consumer<ChallengeStatusWaiter.View> reader) {
            reads++;
            if (broken) {
                throw new IllegalStateException("store down");
            }
            reader.accept(new ChallengeStatusWaiter.View() {
                @Override
                public boolean isMatched(String challengeId) {
                    return matched.contains(challengeId);
                }

                @Override
                public ChallengeStatus status(String challengeId) {
                    return matched.contains(challengeId) ? ChallengeStatus.MATCHED
                            : statuses.getOrDefault(challengeId, ChallengeStatus.EXPIRED);
                }
            });
        }
    }
}
