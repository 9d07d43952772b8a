package mn.gov.khur.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Keycloak process holds at one moment (issue 19.4): the long-poll's own meters and the JVM's heap and
 * threads from the management port's {@code /metrics}, its open file descriptors and resident memory from
 * {@code /proc} (the bench runs on the same machine). Heap is read after a full GC when asked, so it is what the
 * waiting pages keep alive, not garbage.
 */
final class ServerGauges {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LINE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$");

    private ServerGauges() {
    }

    static Map<String, Object> sample(boolean fullGcFirst) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (fullGcFirst) {
            fullGc(m);
        }
        String metrics = scrape();
        m.put("heldRequests", sum(metrics, "khur_sms_status_held_requests", null));
        m.put("heldLimit", sum(metrics, "khur_sms_status_held_requests_limit", null));
        m.put("heldLimitReachedTotal", sum(metrics, "khur_sms_status_held_limit_reached_total", null));
        m.put("heapUsedMiB", sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / (1 << 20));
        m.put("heapMaxMiB", sum(metrics, "jvm_memory_max_bytes", "area=\"heap\"") / (1 << 20));
        m.put("liveThreads", sum(metrics, "jvm_threads_live_threads", null));
        m.put("openFileDescriptors", openFileDescriptors());
        m.put("residentMiB", residentKiB() / 1024.0);
        return m;
    }

    private static void fullGc(Map<String, Object> m) {
        if (BenchConfig.KC_PID <= 0) {
            return;
        }
        try {
            Process gc = new ProcessBuilder("jcmd", String.valueOf(BenchConfig.KC_PID), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            m.put("fullGcBeforeHeap", gc.waitFor() == 0);
        } catch (IOException e) {
            m.put("fullGcBeforeHeap", "failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String scrape() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BenchConfig.MANAGEMENT_URL + "/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Sum of a metric's samples whose labels contain {@code labelPart} (all samples when null); NaN if absent. */
    static double sum(String metrics, String name, String labelPart) {
        Matcher matcher = LINE.matcher(metrics);
        double total = 0;
        boolean found = false;
        while (matcher.find()) {
            String labels = matcher.group(2) == null ? "" : matcher.group(2);
            if (matcher.group(1).equals(name) && (labelPart == null || labels.contains(labelPart))) {
                total += Double.parseDouble(matcher.group(3));
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + BenchConfig.KC_PID + "/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + BenchConfig.KC_PID + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as -1
        }
        return -1;
    }
}
