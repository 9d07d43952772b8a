package mn.gov.khur.sandbox.smsc;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One message the simulated SMSC holds for the ESME: a citizen's MO SMS or a delivery receipt.
 * It stays queued until the ESME answers deliver_sm with ESME_ROK or a permanent error.
 */
public final class SmscMessage {

    public enum Kind { MOBILE_ORIGINATED, DELIVERY_RECEIPT }

    public enum State { PENDING, DELIVERED, FAILED, CANCELLED }

    /** A consistent view of the mutable part, e.g. for a page or an assertion message. */
    public record Snapshot(State state, int attempts, Integer lastStatus, String lastProblem, Instant updatedAt) {
    }

    private final String id;
    private final Kind kind;
    private final String from;
    private final String to;
    private final String text;
    private final Instant createdAt;
    private final DeliverSmContent content;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();

    private State state = State.PENDING;
    private int attempts;
    private Integer lastStatus;
    private String lastProblem;
    private Instant updatedAt;
    private ScheduledFuture<?> nextAttempt;

    SmscMessage(String id, Kind kind, String from, String to, String text, Instant createdAt,
                DeliverSmContent content) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.from = from;
        this.to = to;
        this.text = text;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.content = content;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Completes with the final command_status of deliver_sm_resp: 0 (ESME_ROK) or the permanent
     * error code; completes exceptionally with {@link CancellationException} when the simulator
     * closes first. Callers get a copy, so completing it does not touch the simulator's state.
     */
    public CompletableFuture<Integer> result() {
        return result.copy();
    }

    public synchronized State state() {
        return state;
    }

    /** How many deliver_sm PDUs were sent for this message (redeliveries included). */
    public synchronized int attempts() {
        return attempts;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, attempts, lastStatus, lastProblem, updatedAt);
    }

    DeliverSmContent content() {
        return content;
    }

    synchronized boolean isPending() {
        return state == State.PENDING;
    }

    synchronized void sending() {
        attempts++;
        updatedAt = Instant.now();
    }

    synchronized void retryLater(Integer status, String problem) {
        lastStatus = status;
        lastProblem = problem;
        updatedAt = Instant.now();
    }

    synchronized void delivered() {
        finish(State.DELIVERED, 0, null);
    }

    synchronized void failed(int status, String problem) {
        finish(State.FAILED, status, problem);
    }

    synchronized void cancel() {
        if (state == State.PENDING) {
            state = State.CANCELLED;
            updatedAt = Instant.now();
            cancelNextAttempt();
            result.completeExceptionally(new CancellationException("SMSC simulator closed"));
        }
    }

    synchronized void scheduleNext(ScheduledFuture<?> future) {
        nextAttempt = future;
    }

    /** True when a scheduled (not yet started) attempt was withdrawn, so the caller may run it now. */
    synchronized boolean cancelNextAttempt() {
        return nextAttempt != null && nextAttempt.cancel(false);
    }

    private void finish(State finalState, int status, String problem) {
        if (state != State.PENDING) {
            return;
        }
        state = finalState;
        lastStatus = status;
        lastProblem = problem;
        updatedAt = Instant.now();
        result.complete(status);
    }
}
