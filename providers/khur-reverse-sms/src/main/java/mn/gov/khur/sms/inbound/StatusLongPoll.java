package mn.gov.khur.sms.inbound;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import mn.gov.khur.sms.challenge.ChallengeStatus;
import mn.gov.khur.sms.challenge.ReverseSmsChallenges;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One per node: the {@link ChallengeStatusWaiter} and the single thread that re-checks all held
 * requests every {@value #TICK_MILLIS} ms, each tick in one Keycloak session of its own (the request's
 * session is closed as soon as the resource method returns its stage).
 */
final class StatusLongPoll implements AutoCloseable {

    static final String HELD = "khur_sms_status_held_requests";
    static final String HELD_LIMIT = "khur_sms_status_held_requests_limit";
    static final String REFUSED_AT_LIMIT = "khur_sms_status_held_limit_reached";

    /** How late a match processed on another node can be noticed; matches on this node wake at once. */
    static final long TICK_MILLIS = 250;

    private static final Logger LOG = Logger.getLogger(StatusLongPoll.class);

    private final StatusWaitSettings settings;
    private final ScheduledExecutorService thread;
    private final ChallengeStatusWaiter waiter;

    StatusLongPoll(StatusWaitSettings settings, KeycloakSessionFactory sessions, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "khur-sms-status-long-poll");
            t.setDaemon(true);
            return t;
        });
        this.waiter = new ChallengeStatusWaiter(reader -> KeycloakModelUtils.runJobInTransaction(sessions,
                session -> reader.accept(view(new ReverseSmsChallenges(session)))), clock, thread, settings.maxHeldRequests());
        thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        registerMeters(registry);
    }

    /**
     * What an operator watches against {@code status-max-held-requests}: the requests held now, and how many were
     * answered at once because the limit was reached (those pages ask again a second later, as before long-polling).
     */
    private void registerMeters(MeterRegistry registry) {
        Gauge.builder(HELD, waiter, ChallengeStatusWaiter::held)
                .description("Reverse-SMS status requests held (long-poll) on this node")
                .register(registry);
        Gauge.builder(HELD_LIMIT, settings, s -> s.maxHeldRequests())
                .description("status-max-held-requests: the most status requests this node holds at once")
                .register(registry);
        FunctionCounter.builder(REFUSED_AT_LIMIT, waiter, ChallengeStatusWaiter::refusedAtLimit)
                .description("Reverse-SMS status requests answered at once because the held limit was reached")
                .register(registry);
    }

    // a tick that throws would cancel the schedule for good
    private void tick() {
        try {
            waiter.tick();
        } catch (RuntimeException fault) {
            LOG.error("Reverse-SMS status long-poll tick failed", fault);
        }
    }

    StatusWaitSettings settings() {
        return settings;
    }

    ChallengeStatusWaiter waiter() {
        return waiter;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static ChallengeStatusWaiter.View view(ReverseSmsChallenges challenges) {
        return new ChallengeStatusWaiter.View() {
            @Override
            public boolean isMatched(String challengeId) {
                return challenges.hasMatchToConsume(challengeId);
            }

            @Override
            public ChallengeStatus status(String challengeId) {
                return challenges.status(challengeId);
            }
        };
    }
}
