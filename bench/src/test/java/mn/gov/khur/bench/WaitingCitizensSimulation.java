package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2, human-paced: {@code waitingCitizens} citizens reach the reverse-SMS page during
 * {@code waitingRampSeconds}; each page polls the status URL one second after the previous answer,
 * as khur-sms-wait.js does. Once all are waiting, a window of {@code waitingHoldSeconds} in which
 * nobody logs in or texts measures what waiting alone costs. Then each citizen's phone sends the
 * SMS 10-40 s later (uniform), at a moment independent of the page's polling; the page continues
 * on its next poll. Measured: CPU per 1,000 waiting citizens, and the time from the webhook's
 * answer to the continue response (back at the relying party).
 */
public class WaitingCitizensSimulation extends Simulation {

    private static final AtomicInteger WAITING = new AtomicInteger();
    private static final AtomicInteger WAITING_AT_WINDOW = new AtomicInteger(-1);
    private static volatile long holdEnd = Long.MAX_VALUE;
    private static final ConcurrentLinkedQueue<Long> SMS_TO_CONTINUED = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Long> WAIT_SECONDS = new ConcurrentLinkedQueue<>();
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ChainBuilder flow = exec(Flows.begin(BenchConfig.WAITING_CITIZENS))
            .exitBlockOnFail().on(
                    Flows.authorize(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT),
                    Flows.khurPassword(),
                    exec(session -> {
                        WAITING.incrementAndGet();
                        return session.set("smsSent", false).set("smsStatus", "pending").set("lastPollEnd", System.nanoTime())
                                .set("pageAt", System.nanoTime()).set("smsAt", 0L).set("acceptedAt", 0L);
                    }),
                    asLongAs(session -> "pending".equals(session.getString("smsStatus"))).on(
                            exec(WaitingCitizensSimulation::plan),
                            doIf(session -> session.getBoolean("sendNow")).then(exec(
                                    pause(session -> Duration.ofNanos(Math.max(0, session.getLong("smsAt") - System.nanoTime()))),
                                    Flows.phoneSendsCode("matched"),
                                    exec(session -> session.set("smsSent", true).set("acceptedAt", System.nanoTime())))),
                            pause(session -> Duration.ofNanos(Math.max(0, session.getLong("lastPollEnd") + SECOND - System.nanoTime()))),
                            exec(session -> session.set("pollStart", System.nanoTime())),
                            Flows.pollStatus(),
                            exec(session -> {
                                long now = System.nanoTime();
                                Results.record("status poll", true, session.getLong("pollStart"), now);
                                return session.set("lastPollEnd", now);
                            })),
                    doIf(session -> "matched".equals(session.getString("smsStatus"))).then(exec(
                            Flows.pressContinue(),
                            exec(session -> {
                                SMS_TO_CONTINUED.add(System.nanoTime() - session.getLong("acceptedAt"));
                                WAIT_SECONDS.add((session.getLong("acceptedAt") - session.getLong("pageAt")) / SECOND);
                                return session;
                            }),
                            Flows.token(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT, BenchConfig.KHUR_CLIENT_SECRET))))
            .exec(session -> "matched".equals(session.getString("smsStatus")) ? session : session.markAsFailed())
            .exec(Flows.end("login"));

    /** When the phone texts: 10-40 s after the hold window (decided once the window is known). */
    private static Session plan(Session session) {
        long smsAt = session.getLong("smsAt");
        if (smsAt == 0 && holdEnd != Long.MAX_VALUE) {
            smsAt = holdEnd + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(10_000, 40_001));
            session = session.set("smsAt", smsAt);
        }
        boolean sendNow = !session.getBoolean("smsSent") && smsAt != 0 && smsAt < session.getLong("lastPollEnd") + SECOND;
        return session.set("sendNow", sendNow);
    }

    {
        setUp(scenario("citizens waiting for their SMS").exec(flow)
                .injectOpen(rampUsers(BenchConfig.WAITING_CITIZENS).during(Duration.ofSeconds(BenchConfig.WAITING_RAMP_SECONDS))))
                .protocols(Flows.protocol());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        Results.measureIdle(5);
        Thread coordinator = new Thread(() -> {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(BenchConfig.WAITING_RAMP_SECONDS + 90L);
            while (WAITING.get() < BenchConfig.WAITING_CITIZENS && System.nanoTime() < giveUp) {
                sleep(200);
            }
            sleep(3000); // let the last arrivals settle into polling
            WAITING_AT_WINDOW.set(WAITING.get());
            Results.startWindow(0, BenchConfig.WAITING_HOLD_SECONDS);
            recordHoldWindow();
            holdEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(BenchConfig.WAITING_HOLD_SECONDS);
        }, "bench-hold-coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    @Override
    public void after() {
        Results.extra("waitingAtWindow", WAITING_AT_WINDOW.get());
        long[] continued = SMS_TO_CONTINUED.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("count", continued.length);
        c.put("p50ms", Results.pct(continued, 50));
        c.put("p95ms", Results.pct(continued, 95));
        c.put("p99ms", Results.pct(continued, 99));
        c.put("maxms", continued.length == 0 ? Double.NaN : continued[continued.length - 1] / 1e6);
        Results.extra("smsAcceptedToContinued", c);
        long[] waits = WAIT_SECONDS.stream().mapToLong(Long::longValue).sorted().toArray();
        Results.extra("waitSecondsMinMedianMax", waits.length == 0 ? "none"
                : waits[0] + " / " + waits[waits.length / 2] + " / " + waits[waits.length - 1]);
        Results.write(Map.of("waitingCitizens", BenchConfig.WAITING_CITIZENS, "rampSeconds", BenchConfig.WAITING_RAMP_SECONDS,
                "holdSeconds", BenchConfig.WAITING_HOLD_SECONDS, "pollIntervalMs", 1000, "smsDelaySeconds", "10-40 after the hold"));
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
