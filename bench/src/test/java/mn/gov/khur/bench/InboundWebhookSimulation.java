package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3: the signed inbound webhook alone, as fast as the gateway connections allow.
 * First (not measured) {@code webhookMatched} citizens are brought to the reverse-SMS page so
 * that real pending challenges exist; then {@code webhookConcurrency} gateway connections send
 * signed messages: mostly unmatched (a random sender and code: no pending challenge, audited),
 * with about 2 % of the messages completing one of those pending challenges ("matched").
 * Then, as a second phase, unmatched messages at a fixed offered rate ({@code bench.webhookFixedRate},
 * 1,000/s: the target's condition), one message per new virtual user (open model), for the
 * measurement time: latency there is not inflated by a saturated closed loop.
 */
public class InboundWebhookSimulation extends Simulation {

    private static final ConcurrentLinkedQueue<String[]> PENDING = new ConcurrentLinkedQueue<>();
    private static final int PER_USER = Math.max(1, BenchConfig.WEBHOOK_MATCHED / BenchConfig.CONCURRENCY);

    /** Phase 2: a fixed offered load (open model), the latency target's condition. */
    static final int FIXED_RATE = Integer.parseInt(System.getProperty("bench.webhookFixedRate", "1000"));
    private static final ConcurrentLinkedQueue<Long> FIXED_OK = new ConcurrentLinkedQueue<>();
    private static final java.util.concurrent.atomic.AtomicInteger FIXED_FAILED = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile long fixedStart;
    private static volatile long fixedEnd;

    private final ChainBuilder fixedRate = exec(session -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (fixedStart == 0) {
            synchronized (FIXED_OK) {
                if (fixedStart == 0) {
                    fixedStart = System.nanoTime();
                    Results.sampleCpuLater("fixedRateKeycloakCores", 0, BenchConfig.MEASURE_SECONDS - 1);
                }
            }
        }
        String from = String.format(Locale.ROOT, "+97688%06d", random.nextInt(1_000_000));
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        return Flows.sign(session, Webhook.body(from, code)).set("t0", System.nanoTime());
    }).exec(http("webhook at fixed rate").post(Webhook.PATH)
                    .header("Content-Type", "application/json")
                    .header("X-Khur-Timestamp", "#{whTs}")
                    .header("X-Khur-Signature", "#{whSig}")
                    .body(StringBody("#{whBody}"))
                    .check(status().is(200), jsonPath("$.status").is("unmatched")))
            .exec(session -> {
                long now = System.nanoTime();
                fixedEnd = now;
                if (session.isFailed()) {
                    FIXED_FAILED.incrementAndGet();
                } else {
                    FIXED_OK.add(now - session.getLong("t0"));
                }
                return session;
            });

    private final ChainBuilder prepare = exec(Flows.begin(BenchConfig.CONCURRENCY * PER_USER))
            .exitBlockOnFail().on(
                    Flows.authorize(BenchConfig.KHUR_REALM, BenchConfig.KHUR_CLIENT),
                    Flows.khurPassword(),
                    exec(session -> {
                        PENDING.add(new String[] {session.getString("phone"), session.getString("smsCode")});
                        return session;
                    }))
            .exec(Flows.end("prepare"));

    private final ChainBuilder send = exec(session -> {
        Results.startWindow(BenchConfig.WARMUP_SECONDS, BenchConfig.MEASURE_SECONDS);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] pending = Results.windowOpen() && random.nextInt(100) < 2 ? PENDING.poll() : null;
        String kind = pending != null ? "matched" : "unmatched";
        String from = pending != null ? pending[0] : String.format(Locale.ROOT, "+97688%06d", random.nextInt(1_000_000));
        String code = pending != null ? pending[1] : String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        return Flows.sign(session, Webhook.body(from, code)).set("kind", kind).set("t0", System.nanoTime());
    }).exec(http("webhook").post(Webhook.PATH)
                    .header("Content-Type", "application/json")
                    .header("X-Khur-Timestamp", "#{whTs}")
                    .header("X-Khur-Signature", "#{whSig}")
                    .body(StringBody("#{whBody}"))
                    .check(status().is(200), jsonPath("$.status").is(session -> session.getString("kind"))))
            .exec(session -> {
                Results.record(session.getString("kind"), !session.isFailed(), session.getLong("t0"), System.nanoTime());
                return session.markAsSucceeded();
            });

    {
        setUp(scenario("prepare pending challenges").repeat(PER_USER).on(prepare)
                        .injectOpen(atOnceUsers(BenchConfig.CONCURRENCY))
                        .andThen(scenario("inbound webhook")
                                .during(Duration.ofSeconds(BenchConfig.WARMUP_SECONDS + BenchConfig.MEASURE_SECONDS)).on(send)
                                .injectOpen(atOnceUsers(BenchConfig.WEBHOOK_CONCURRENCY))
                                .andThen(scenario("inbound webhook at a fixed rate").exec(fixedRate)
                                        .injectOpen(constantUsersPerSec(FIXED_RATE).during(Duration.ofSeconds(BenchConfig.MEASURE_SECONDS))))))
                .protocols(Flows.protocol().shareConnections());
    }

    @Override
    public void before() {
        Seed.ensure(BenchConfig.citizensNeeded());
        Results.measureIdle(5);
    }

    @Override
    public void after() {
        Map<String, Object> fixed = Results.percentiles(FIXED_OK, (fixedEnd - fixedStart) / 1e9);
        fixed.put("offeredPerSecond", FIXED_RATE);
        fixed.put("failed", FIXED_FAILED.get());
        Results.extra("fixedRate", fixed);
        Results.extra("pendingChallengesPrepared", BenchConfig.CONCURRENCY * PER_USER);
        Results.extra("pendingChallengesLeftUnused", PENDING.size());
        Results.write(Map.of("connections", BenchConfig.WEBHOOK_CONCURRENCY, "warmupSeconds", BenchConfig.WARMUP_SECONDS,
                "measureSeconds", BenchConfig.MEASURE_SECONDS, "matchedShare", "about 2 % while pending challenges last"));
    }
}
