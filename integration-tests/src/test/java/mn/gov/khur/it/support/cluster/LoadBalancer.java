package mn.gov.khur.it.support.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load balancer in front of the nodes, at HTTP level like HAProxy: health-checks each node's
 * readiness on the management port, routes each request to a ready node (round robin, or pinned by
 * the test), and answers a short error page when no node can take a request.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length", "expect");

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<ClusterNode, Boolean> ready = new ConcurrentHashMap<>();
    private final List<ClusterNode> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final Thread healthChecker;
    private volatile ClusterNode pinned;

    public LoadBalancer(int port, List<ClusterNode> nodes) throws IOException {
        this.nodes = List.copyOf(nodes);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.createContext("/", this::forward);
        this.server.start();
        this.healthChecker = Thread.ofPlatform().daemon().name("lb-health").start(this::checkHealth);
    }

    /** All requests to this node (it is assumed up until its health check says otherwise). */
    public void routeTo(ClusterNode node) {
        ready.put(node, true);
        pinned = node;
    }

    /** Round robin over the ready nodes. */
    public void balance() {
        pinned = null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<ClusterNode> order = candidates();
        for (ClusterNode node : order) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.directUrl() + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            try {
                HttpResponse<InputStream> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                response.headers().map().forEach((name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                byte[] content = response.body().readAllBytes();
                exchange.sendResponseHeaders(response.statusCode(), content.length == 0 ? -1 : content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
                return;
            } catch (ConnectException e) {
                ready.put(node, health(node).refused()); // never reached the node: safe to try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException e) {
                break; // the node failed mid-request: the client sees an error and retries
            }
        }
        byte[] page = "<!DOCTYPE html><html lang=\"mn\"><body><h1>Түр алдаа / Temporary error</h1><p>Дахин оролдоно уу. Please try again.</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(503, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    private List<ClusterNode> candidates() {
        ClusterNode pin = pinned;
        if (pin != null) {
            return List.of(pin);
        }
        List<ClusterNode> up = nodes.stream().filter(node -> ready.getOrDefault(node, false)).toList();
        if (up.isEmpty()) {
            return List.of();
        }
        int start = Math.floorMod(next.getAndIncrement(), up.size());
        return java.util.stream.IntStream.range(0, up.size()).mapToObj(i -> up.get((start + i) % up.size())).toList();
    }

    /**
     * HAProxy's default check semantics ({@code fall 3 rise 2}): one slow probe on a busy machine does
     * not take a node out, and a node that just came back must answer twice before it takes traffic.
     */
    private static final class HealthHistory {
        private static final int FALL = 3;
        private static final int RISE = 2;
        private boolean up = true;
        private int streak;

        synchronized boolean observe(boolean probeOk) {
            if (probeOk == up) {
                streak = 0;
            } else if (++streak >= (up ? FALL : RISE)) {
                up = probeOk;
                streak = 0;
            }
            return up;
        }

        /** A refused connection is not a slow answer: the node is down now. */
        synchronized boolean refused() {
            up = false;
            streak = 0;
            return up;
        }
    }

    private final Map<ClusterNode, HealthHistory> history = new ConcurrentHashMap<>();

    private HealthHistory health(ClusterNode node) {
        return history.computeIfAbsent(node, n -> new HealthHistory());
    }

    private void checkHealth() {
        HttpClient health = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        while (!Thread.currentThread().isInterrupted()) {
            for (ClusterNode node : nodes) {
                boolean up;
                try {
                    up = health.send(HttpRequest.newBuilder(URI.create(node.managementUrl() + "/health/ready"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    up = false;
                } catch (InterruptedException e) {
                    return;
                }
                ready.put(node, health(node).observe(up));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        healthChecker.interrupt();
        server.stop(0);
    }
}
