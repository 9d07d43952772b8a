package mn.gov.khur.sms.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import mn.gov.khur.sms.challenge.ChallengeStatus;

import org.jboss.logging.Logger;

/**
 * Node-local registry of held status requests (the waiting page's long-poll). A held request is
 * answered when {@link #tick()} finds its challenge matched in the cluster-wide store (the match may
 * have been processed on another node), when {@link #wake} reports a match committed on this node, or
 * at its deadline with the challenge's full status. No request thread waits: callers get a stage.
 *
 * <p>At most {@code maxHeld} requests are held; beyond that {@link #hold} says no and the caller
 * answers at once, as before long-polling.
 */
final class ChallengeStatusWaiter {

    /** What one tick may read, all in one store session. */
    interface View {
        /** Cheap: one lookup. True only once the match is committed, so Continue finds it. */
        boolean isMatched(String challengeId);

        /** Full status, for requests at their deadline. */
        ChallengeStatus status(String challengeId);
    }

    /** Opens one {@link View} per tick (in the server: one Keycloak session and transaction). */
    interface Store {
        void read(Consumer<View> reader);
    }

    private static final Logger LOG = Logger.getLogger(ChallengeStatusWaiter.class);

    private final Store store;
    private final Clock clock;
    private final Executor completions;
    private final int maxHeld;
    private final AtomicInteger held = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong refusedAtLimit = new java.util.concurrent.atomic.AtomicLong();
    // copy-on-write sets: almost always one waiter per challenge, read by the tick without locking
    private final ConcurrentMap<String, Set<Held>> byChallenge = new ConcurrentHashMap<>();

    /**
     * @param completions where held requests are answered (and {@link #wake} does its work): never a
     *                    request thread, whose Keycloak session the response filters would see
     */
    ChallengeStatusWaiter(Store store, Clock clock, Executor completions, int maxHeld) {
        if (maxHeld < 0) {
            throw new IllegalArgumentException("maxHeld must not be negative: " + maxHeld);
        }
        this.store = store;
        this.clock = clock;
        this.completions = completions;
        this.maxHeld = maxHeld;
    }

    /**
     * Holds a status request for a challenge that was pending a moment ago.
     *
     * @return the status to answer with, or empty when this node already holds {@code maxHeld} requests
     */
    Optional<CompletionStage<ChallengeStatus>> hold(String challengeId, Instant deadline) {
        if (held.incrementAndGet() > maxHeld) {
            held.decrementAndGet();
            if (maxHeld > 0) { // 0 switches long-polling off: nothing is refused then, so nothing is counted
                refusedAtLimit.incrementAndGet();
            }
            return Optional.empty();
        }
        Held request = new Held(challengeId, deadline);
        byChallenge.merge(challengeId, Set.of(request), ChallengeStatusWaiter::union);
        return Optional.of(request.answer);
    }

    /** A match of this challenge was committed on this node: answer its held requests now. */
    void wake(String challengeId) {
        if (byChallenge.containsKey(challengeId)) {
            completions.execute(() -> answerAll(challengeId, ChallengeStatus.MATCHED));
        }
    }

    /** One re-check of every held request; run it every few hundred milliseconds. */
    void tick() {
        List<Held> waiting = new ArrayList<>();
        byChallenge.values().forEach(waiting::addAll);
        if (waiting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<Held, ChallengeStatus> answers = new LinkedHashMap<>();
        try {
            store.read(view -> {
                for (Held request : waiting) {
                    if (view.isMatched(request.challengeId)) {
                        answers.put(request, ChallengeStatus.MATCHED);
                    } else if (!now.isBefore(request.deadline)) {
                        answers.put(request, view.status(request.challengeId));
                    }
                }
            });
        } catch (RuntimeException fault) {
            LOG.error("Re-checking held reverse-SMS status requests failed", fault);
            waiting.stream().filter(request -> !now.isBefore(request.deadline))
                    .forEach(request -> request.fail(fault));
            return;
        }
        // answered outside the store's session: the response is written on this thread
        answers.forEach(Held::answer);
    }

    /** Requests held right now. */
    int held() {
        return held.get();
    }

    /** Requests answered at once since start because {@code maxHeld} were already held. */
    long refusedAtLimit() {
        return refusedAtLimit.get();
    }

    private void answerAll(String challengeId, ChallengeStatus status) {
        Set<Held> requests = byChallenge.get(challengeId);
        if (requests != null) {
            requests.forEach(request -> request.answer(status));
        }
    }

    private void release(Held request) {
        held.decrementAndGet();
        byChallenge.computeIfPresent(request.challengeId, (id, requests) -> {
            Set<Held> left = new HashSet<>(requests);
            left.remove(request);
            return left.isEmpty() ? null : Set.copyOf(left);
        });
    }

    private static Set<Held> union(Set<Held> a, Set<Held> b) {
        Set<Held> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** One held request; identity equality, so two tabs on one challenge are two requests. */
    private final class Held {
        final String challengeId;
        final Instant deadline;
        final CompletableFuture<ChallengeStatus> answer = new CompletableFuture<>();
        private final AtomicBoolean done = new AtomicBoolean();

        Held(String challengeId, Instant deadline) {
            this.challengeId = challengeId;
            this.deadline = deadline;
        }

        // released before completing: completing writes the response, which may take a moment
        void answer(ChallengeStatus status) {
            if (done.compareAndSet(false, true)) {
                release(this);
                answer.complete(status);
            }
        }

        void fail(Throwable fault) {
            if (done.compareAndSet(false, true)) {
                release(this);
                answer.completeExceptionally(fault);
            }
        }
    }
}
