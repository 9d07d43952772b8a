package mn.gov.khur.sms.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server standing in for the bridge's POST /mt. */
class OutboundSmsSenderTest {

    private static final byte[] SECRET = "outbound-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T06:05:00Z"), ZoneOffset.UTC);
    private static final OutboundSms SMS = new OutboundSms("khur-notice-1", MongolianMobileNumber.parse("+97699112233"),
            "130092", "ХУР: мэдэгдэл");

    private record Received(String timestamp, String signature, String contentType, byte[] body) {
    }

    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer bridge;
    private OutboundSmsSender sender;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (bridge != null) {
            bridge.stop(0);
        }
    }

    @Test
    void postsTheSignedJsonAndCountsTheAcceptedAnswer() throws Exception {
        URI endpoint = bridgeAnswering(202, Duration.ZERO);
        sender = new OutboundSmsSender(new OutboundSmsClient(endpoint, new OutboundSmsSigner(SECRET), Duration.ofSeconds(2),
                CLOCK), 10, registry);

        sender.submit(SMS);

        Received request = received.poll(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.timestamp()).isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
        assertThat(request.signature()).isEqualTo(new OutboundSmsSigner(SECRET).sign(request.timestamp(), request.body()));
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("messageId").asText()).isEqualTo("khur-notice-1");
        assertThat(body.path("to").asText()).isEqualTo("+97699112233");
        assertThat(body.path("from").asText()).isEqualTo("130092");
        assertThat(body.path("text").asText()).isEqualTo("ХУР: мэдэгдэл");
        awaitCount("accepted", 1);
    }

    @Test
    void aRefusalIsCountedNotThrown() throws Exception {
        sender = new OutboundSmsSender(new OutboundSmsClient(bridgeAnswering(401, Duration.ZERO), new OutboundSmsSigner(SECRET),
                Duration.ofSeconds(2), CLOCK), 10, registry);

        sender.submit(SMS);

        awaitCount("refused", 1);
    }

    @Test
    void aSilentOrAbsentBridgeIsCountedAsUnreachableWithinTheTimeout() throws Exception {
        URI slow = bridgeAnswering(202, Duration.ofSeconds(5));
        sender = new OutboundSmsSender(new OutboundSmsClient(slow, new OutboundSmsSigner(SECRET), Duration.ofMillis(300),
                CLOCK), 10, registry);
        sender.submit(SMS);
        awaitCount("unreachable", 1);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OutboundSmsSender toNowhere = new OutboundSmsSender(new OutboundSmsClient(
                URI.create("http://127.0.0.1:" + closedPort + "/mt"), new OutboundSmsSigner(SECRET), Duration.ofMillis(300),
                CLOCK), 10, registry);
        try {
            toNowhere.submit(SMS);
            awaitCount("unreachable", 2);
        } finally {
            toNowhere.close();
        }
    }

    @Test
    void submitNeverBlocksAndAFullQueueDrops() throws Exception {
        URI slow = bridgeAnswering(202, Duration.ofSeconds(3));
        sender = new OutboundSmsSender(new OutboundSmsClient(slow, new OutboundSmsSigner(SECRET), Duration.ofSeconds(5),
                CLOCK), 1, registry);

        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            sender.submit(SMS); // 2 in flight, 1 queued, the rest dropped
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(count("dropped")).isEqualTo(7);
    }

    private URI bridgeAnswering(int status, Duration delay) throws IOException {
        bridge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bridge.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        bridge.createContext("/mt", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Khur-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Khur-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        bridge.start();
        return URI.create("http://127.0.0.1:" + bridge.getAddress().getPort() + "/mt");
    }

    private double count(String outcome) {
        return registry.get(OutboundSmsSender.METER).tag("outcome", outcome).counter().count();
    }

    private void awaitCount(String outcome, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && count(outcome) < expected) {
            Thread.sleep(20);
        }
        assertThat(count(outcome)).isEqualTo(expected);
    }
}
