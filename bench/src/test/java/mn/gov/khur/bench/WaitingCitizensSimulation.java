package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2, human-paced: {@code waitingCitizens} citizens reach the reverse-SMS page during
 * {@code waitingRampSeconds}; each page asks the status URL as khur-sms-wait.js does: a long-poll
 * {@code ?wait=waitingLongPollSeconds} (held by the server until the SMS is matched or the wait is
 * over; never two requests within a second), or with {@code waitingLongPollSeconds=0} one immediate
 * request a second after the previous answer (the script before long-polling). Once all are
 * waiting, a window of {@code waitingHoldSeconds} in which nobody logs in or texts measures what
 * waiting alone costs. Then each citizen's phone ({@link Phones}, independent of the page) sends
 * the SMS 10-40 s later (uniform); the page continues when its status request says "matched".
 * Measured: CPU per 1,000 waiting citizens, and the time from the webhook's answer to the
 * continue response (back at the relying party).
 */
public class WaitingCitizensSimulation extends Simulation {

    private static final AtomicInteger WAITING = new AtomicInteger();
    private static final AtomicInteger WAITING_AT_WINDOW = new AtomicInteger(-1);
    private static final AtomicInteger NEVER_WAITING = new AtomicInteger();
    private static final ConcurrentHashMap<Long, Long> CONTINUED_AT = new ConcurrentHashMap<>();
    private static final Phones PHONES = new Phones();
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int LONG_POLL = BenchConfig.WAITING_LONG_POLL_SECONDS;

    private static final int FIRST = BenchConfig.WAITING_CITIZENS;
    private static final int BEYOND = BenchConfig.WAITING_BEYOND;
    private static final int BEYOND_RAMP_SECONDS = BEYOND == 0 ? 0
            : Math.max(1, (int) Math.ceil((double) BenchConfig.WAITING_RAMP_SECONDS * BEYOND / FIRST));
    private static final AtomicInteger ARRIVED = new AtomicInteger();
    /** Opened by the coordinator after the first window: the pages beyond it may come. */
    private static final java.util.concurrent.atomic.AtomicBoolean BEYOND_MAY_COME = new java.util.concurrent.atomic.AtomicBoolean();

    private final ChainBuilder flow = exec(Flows.begin(FIRST + BEYOND))
            .exec(session -> {
                int arrival = ARRIVED.incrementAndGet();
                // the pages beyond come one by one after the gate opens, at the first batch's rate
                long after = arrival > FIRST ? TimeUnit.SECONDS.toMillis(BEYOND_RAMP_SECONDS) * (arrival - FIRST - 1) / BEYOND : 0;
                return session.set("beyond", arrival > FIRST).set("afterGateMillis", after);
            })
            .asLongAs(session -> session.getBoolean("beyond") && !BEYOND_MAY_COME.get()).on(pause(Duration.ofMillis(500)))
            .doIf(session -> session.getBoolean("beyond")).then(pause(session -> Duration.ofMillis(session.getLong("afterGateMillis"))))
            .exitBlockOnFail().on(
                    Flows.authorize(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT),
                    Flows.khurPassword(),
                    exec(session -> {
                        WAITING.incrementAndGet();
                        PHONES.register(session.userId(), session.getString("phone"), session.getString("smsCode"));
                        long now = System.nanoTime();
                        // the script asks at once on page load; then at most once a second
                        return session.set("smsStatus", "pending").set("nextPollAt", now);
                    }),
                    asLongAs(session -> "pending".equals(session.getString("smsStatus"))).on(
                            pause(session -> Duration.ofNanos(Math.max(0, session.getLong("nextPollAt") - System.nanoTime()))),
                            exec(session -> session.set("pollStart", System.nanoTime())),
                            Flows.longPollStatus(LONG_POLL),
                            exec(session -> {
                                long now = System.nanoTime();
                                long start = session.getLong("pollStart");
                                Results.record("status poll", true, start, now);
                                return session.set("nextPollAt", LONG_POLL > 0 ? start + SECOND : now + SECOND);
                            })),
                    doIf(session -> "matched".equals(session.getString("smsStatus"))).then(exec(
                            Flows.pressContinue(),
                            exec(session -> {
                                CONTINUED_AT.put(session.userId(), System.nanoTime());
                                return session;
                            }),
                            Flows.token(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, BenchConfig.KHUR_CLIENT_SECRET))))
            .exec(session -> {
                if (!session.contains("smsStatus")) {
                    NEVER_WAITING.incrementAndGet(); // failed before its SMS page: the coordinator stops waiting for it
                }
                return "matched".equals(session.getString("smsStatus")) ? session : session.markAsFailed();
            })
            .exec(Flows.end("login"));

    {
        var arrivals = BEYOND == 0
                ? scenario("citizens waiting for their SMS").exec(flow)
                        .injectOpen(rampUsers(FIRST).during(Duration.ofSeconds(BenchConfig.WAITING_RAMP_SECONDS)))
                // the pages beyond start their clocks here but wait at the gate until the first window is over
                : scenario("citizens waiting for their SMS").exec(flow)
                        .injectOpen(rampUsers(FIRST).during(Duration.ofSeconds(BenchConfig.WAITING_RAMP_SECONDS)),
                                rampUsers(BEYOND).during(Duration.ofSeconds(BEYOND_RAMP_SECONDS)));
        setUp(arrivals).protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        Results.measureIdle(5);
        Results.extra("serverIdle", ServerGauges.sample(true));
        Thread coordinator = new Thread(() -> {
            waitForPages(FIRST, BenchConfig.WAITING_RAMP_SECONDS);
            WAITING_AT_WINDOW.set(WAITING.get());
            Results.startWindow(0, BenchConfig.WAITING_HOLD_SECONDS);
            recordHoldWindow();
            sleep(TimeUnit.SECONDS.toMillis(BenchConfig.WAITING_HOLD_SECONDS) / 2);
            Results.extra("serverMidWindow", ServerGauges.sample(false));
            sleep(TimeUnit.SECONDS.toMillis(BenchConfig.WAITING_HOLD_SECONDS) / 2 + 500);
            Results.extra("serverAfterWindow", ServerGauges.sample(true)); // after the window's CPU sample
            int rampSeconds = BenchConfig.WAITING_RAMP_SECONDS;
            if (BEYOND > 0) {
                beyondTheLimitWindow();
                rampSeconds += BEYOND_RAMP_SECONDS;
            }
            PHONES.textAll(System.nanoTime(), 10, 40, rampSeconds);
        }, "bench-hold-coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    @Override
    public void after() {
        Results.extra("waitingAtWindow", WAITING_AT_WINDOW.get());
        List<Long> continued = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        CONTINUED_AT.forEach((citizen, at) -> {
            Long accepted = PHONES.acceptedAt(citizen);
            if (accepted != null) {
                continued.add(at - accepted);
                waits.add((accepted - PHONES.pageAt(citizen)) / SECOND);
            }
        });
        long[] sorted = continued.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("count", sorted.length);
        c.put("p50ms", Results.pct(sorted, 50));
        c.put("p95ms", Results.pct(sorted, 95));
        c.put("p99ms", Results.pct(sorted, 99));
        c.put("maxms", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        Results.extra("smsAcceptedToContinued", c);
        Results.extra("phonesFailed", PHONES.failed());
        long[] w = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        Results.extra("waitSecondsMinMedianMax", w.length == 0 ? "none" : w[0] + " / " + w[w.length / 2] + " / " + w[w.length - 1]);
        Results.write(Map.of("waitingCitizens", FIRST, "rampSeconds", BenchConfig.WAITING_RAMP_SECONDS,
                "waitingBeyond", BEYOND, "beyondRampSeconds", BEYOND_RAMP_SECONDS,
                "holdSeconds", BenchConfig.WAITING_HOLD_SECONDS, "longPollSeconds", LONG_POLL,
                "pollIntervalMs", 1000, "smsDelaySeconds", "10-40 after the hold windows, plus the page's place in the "
                        + "arrival order × the ramp's length / citizens (first come, first texting)"));
    }

    /** Waits until {@code pages} are waiting (or the ramp and 90 s are over), then lets the last arrivals settle. */
    private static void waitForPages(int pages, int rampSeconds) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(rampSeconds + 90L);
        while (WAITING.get() + NEVER_WAITING.get() < pages && System.nanoTime() < giveUp) {
            sleep(200);
        }
        Results.extra("failedBeforeTheirPage", NEVER_WAITING.get());
        sleep(3000);
    }

    /**
     * The second window: {@code waitingBeyond} more pages, past what the server holds at once when the first
     * batch fills its {@code status-max-held-requests}; the server answers those at once and the pages ask again a
     * second later. Measured: Keycloak's CPU, and from its meters how many requests met the limit.
     */
    private static void beyondTheLimitWindow() {
        BEYOND_MAY_COME.set(true);
        waitForPages(FIRST + BEYOND, BEYOND_RAMP_SECONDS);
        Results.extra("waitingBeyondAtWindow", WAITING.get());
        Map<String, Object> before = ServerGauges.sample(false);
        Results.sampleCpuLater("beyondKeycloakCores", 0, BenchConfig.WAITING_HOLD_SECONDS);
        long start = System.nanoTime();
        sleep(TimeUnit.SECONDS.toMillis(BenchConfig.WAITING_HOLD_SECONDS) / 2);
        Results.extra("serverBeyondMidWindow", ServerGauges.sample(false));
        sleep(TimeUnit.SECONDS.toMillis(BenchConfig.WAITING_HOLD_SECONDS) / 2 + 500);
        Map<String, Object> after = ServerGauges.sample(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        after.put("limitReachedPerSecond", ((double) after.get("heldLimitReachedTotal")
                - (double) before.get("heldLimitReachedTotal")) / seconds);
        Results.extra("serverBeyondAfterWindow", after);
        Results.extra("serverBeyondAfterGc", ServerGauges.sample(true));
    }

    /** A JFR recording (settings "profile") of the hold window alone, where only status polls are served. */
    private static void recordHoldWindow() {
        if (BenchConfig.KC_PID <= 0) {
            return;
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(BenchConfig.RESULTS_DIR, "waiting-hold.jfr").toAbsolutePath();
            new ProcessBuilder("jcmd", String.valueOf(BenchConfig.KC_PID), "JFR.start", "name=waiting-hold", "settings=profile",
                    "duration=" + BenchConfig.WAITING_HOLD_SECONDS + "s", "filename=" + file)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            Results.extra("holdJfr", "not recorded: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
