package mn.gov.khur.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a simulation measured, written as {@code <scenario>.json} for bench/report.py. A "flow" is
 * one whole thing a citizen or gateway does (a login from the authorization request to the
 * tokens; one webhook call); its time is from its first request to its last response. Only flows
 * that end inside the measurement window (after the warm-up) count. CPU is read from
 * /proc/&lt;pid&gt;/stat of the Keycloak JVM at the window's edges.
 */
public final class Results {

    private static final long CLK_TCK = 100; // USER_HZ on Linux x86-64
    private static final Map<String, ConcurrentLinkedQueue<long[]>> FLOWS = new ConcurrentHashMap<>();
    private static final Map<String, Object> EXTRA = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-cpu-sampler");
        t.setDaemon(true);
        return t;
    });
    private static volatile long windowStart = Long.MAX_VALUE;
    private static volatile long windowEnd = Long.MAX_VALUE;
    private static volatile CpuSample atStart;
    private static volatile CpuSample atEnd;
    private static volatile double idleKeycloakCores = Double.NaN;

    private Results() {
    }

    record CpuSample(long nanos, long keycloakTicks, long selfTicks, long machineBusy, long machineTotal) {
        static CpuSample now() {
            long[] machine = machineTicks();
            return new CpuSample(System.nanoTime(), processTicks(BenchConfig.KC_PID), processTicks(ProcessHandle.current().pid()),
                    machine[0], machine[1]);
        }
    }

    /** Keycloak's CPU while nothing is sent (measured before the scenario starts). */
    public static void measureIdle(int seconds) {
        CpuSample a = CpuSample.now();
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CpuSample b = CpuSample.now();
        idleKeycloakCores = cores(a.keycloakTicks, b.keycloakTicks, a.nanos, b.nanos);
    }

    /** Opens the measurement window {@code warmupSeconds} from now, for {@code measureSeconds}. */
    public static synchronized void startWindow(long warmupSeconds, long measureSeconds) {
        if (windowStart != Long.MAX_VALUE) {
            return;
        }
        long now = System.nanoTime();
        windowStart = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(measureSeconds);
        TIMER.schedule(() -> atStart = CpuSample.now(), windowStart - now, TimeUnit.NANOSECONDS);
        TIMER.schedule(() -> atEnd = CpuSample.now(), windowEnd - now, TimeUnit.NANOSECONDS);
    }

    /** Keycloak's CPU (cores) from {@code delaySeconds} from now, for {@code seconds}, into extra[{@code key}]. */
    public static void sampleCpuLater(String key, long delaySeconds, long seconds) {
        CpuSample[] a = new CpuSample[1];
        TIMER.schedule(() -> a[0] = CpuSample.now(), delaySeconds, TimeUnit.SECONDS);
        TIMER.schedule(() -> {
            CpuSample b = CpuSample.now();
            extra(key, cores(a[0].keycloakTicks, b.keycloakTicks, a[0].nanos, b.nanos));
        }, delaySeconds + seconds, TimeUnit.SECONDS);
    }

    public static Map<String, Object> percentiles(java.util.Collection<Long> nanos, double seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", sorted.length);
        m.put("perSecond", sorted.length / seconds);
        m.put("p50ms", pct(sorted, 50));
        m.put("p95ms", pct(sorted, 95));
        m.put("p99ms", pct(sorted, 99));
        m.put("maxms", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        return m;
    }

    public static boolean windowOpen() {
        long now = System.nanoTime();
        return now >= windowStart && now < windowEnd;
    }

    public static boolean windowOver() {
        return System.nanoTime() >= windowEnd;
    }

    public static void record(String kind, boolean ok, long startNanos, long endNanos) {
        FLOWS.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(new long[] {ok ? 1 : 0, startNanos, endNanos});
    }

    public static void extra(String key, Object value) {
        EXTRA.put(key, value);
    }

    public static void write(Map<String, Object> settings) {
        try {
            TIMER.shutdown();
            TIMER.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", BenchConfig.SCENARIO);
        out.put("settings", settings);
        double seconds = atStart != null && atEnd != null ? (atEnd.nanos - atStart.nanos) / 1e9 : Double.NaN;
        out.put("windowSeconds", seconds);
        if (atStart != null && atEnd != null) {
            Map<String, Object> cpu = new LinkedHashMap<>();
            cpu.put("keycloakCores", cores(atStart.keycloakTicks, atEnd.keycloakTicks, atStart.nanos, atEnd.nanos));
            cpu.put("keycloakIdleCores", idleKeycloakCores);
            cpu.put("loadGeneratorCores", cores(atStart.selfTicks, atEnd.selfTicks, atStart.nanos, atEnd.nanos));
            long total = atEnd.machineTotal - atStart.machineTotal;
            cpu.put("machineBusyPercent", total > 0 ? 100.0 * (atEnd.machineBusy - atStart.machineBusy) / total : Double.NaN);
            cpu.put("cores", Runtime.getRuntime().availableProcessors());
            out.put("cpu", cpu);
        }
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, ConcurrentLinkedQueue<long[]>> e : FLOWS.entrySet()) {
            List<Long> okDurations = new ArrayList<>();
            int failedInWindow = 0;
            int failedTotal = 0;
            int total = 0;
            for (long[] f : e.getValue()) {
                total++;
                boolean inWindow = f[2] >= windowStart && f[2] < windowEnd;
                if (f[0] == 0) {
                    failedTotal++;
                    if (inWindow) {
                        failedInWindow++;
                    }
                } else if (inWindow) {
                    okDurations.add(f[2] - f[1]);
                }
            }
            long[] sorted = okDurations.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("completed", sorted.length);
            k.put("failed", failedInWindow);
            k.put("failedWholeRun", failedTotal);
            k.put("flowsWholeRun", total);
            k.put("perSecond", sorted.length / seconds);
            k.put("p50ms", pct(sorted, 50));
            k.put("p95ms", pct(sorted, 95));
            k.put("p99ms", pct(sorted, 99));
            k.put("maxms", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
            k.put("meanms", Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6);
            kinds.put(e.getKey(), k);
        }
        out.put("flows", kinds);
        out.put("extra", new LinkedHashMap<>(EXTRA));
        try {
            Path dir = Path.of(BenchConfig.RESULTS_DIR);
            Files.createDirectories(dir);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve(BenchConfig.SCENARIO + ".json").toFile(), out);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static double cores(long ticksA, long ticksB, long nanosA, long nanosB) {
        return (ticksB - ticksA) / (double) CLK_TCK / ((nanosB - nanosA) / 1e9);
    }

    static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
