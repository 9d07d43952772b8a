package mn.gov.khur.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The citizens' phones in the waiting scenario: each texts its code once, at a moment of its own,
 * independently of what its browser page is doing (which may be a held status request). Sends the
 * signed webhook like the gateway and remembers when each was answered.
 */
final class Phones {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-phones");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, String[]> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> pageAt = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();

    /** A citizen reached the SMS page showing {@code code} for {@code phone}. */
    void register(long citizen, String phone, String code) {
        waiting.put(citizen, new String[] {phone, code});
        pageAt.put(citizen, System.nanoTime());
    }

    /**
     * Every registered phone texts once, {@code minSeconds}-{@code maxSeconds} after {@code fromNanos} (uniform) plus
     * its place in the order the pages arrived × {@code spreadSeconds} / citizens: first come, first texting, so with
     * a spread as long as the ramp every citizen waits about as long (and no code outlives its 10-minute maximum
     * while thousands arrive), and the SMS come at the rate the pages came.
     */
    void textAll(long fromNanos, int minSeconds, int maxSeconds, int spreadSeconds) {
        java.util.List<Long> arrived = pageAt.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).filter(waiting::containsKey).toList();
        for (int rank = 0; rank < arrived.size(); rank++) {
            long citizen = arrived.get(rank);
            String[] phoneAndCode = waiting.get(citizen);
            long at = fromNanos + TimeUnit.MILLISECONDS.toNanos(spreadSeconds * 1000L * rank / arrived.size()
                    + ThreadLocalRandom.current().nextLong(minSeconds * 1000L, maxSeconds * 1000L + 1));
            timer.schedule(() -> send(citizen, phoneAndCode[0], phoneAndCode[1]),
                    Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    Long acceptedAt(long citizen) {
        return acceptedAt.get(citizen);
    }

    Long pageAt(long citizen) {
        return pageAt.get(citizen);
    }

    int failed() {
        return failed.get();
    }

    private void send(long citizen, String phone, String code) {
        String body = Webhook.body(phone, code);
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(BenchConfig.BASE_URL + Webhook.PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Khur-Timestamp", String.valueOf(ts))
                .header("X-Khur-Signature", Webhook.signature(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, fault) -> {
            long now = System.nanoTime();
            boolean ok = fault == null && response.statusCode() == 200 && response.body().contains("\"matched\"");
            Results.record("webhook (matched)", ok, start, now);
            if (ok) {
                acceptedAt.put(citizen, now);
            } else {
                failed.incrementAndGet();
            }
        });
    }
}
