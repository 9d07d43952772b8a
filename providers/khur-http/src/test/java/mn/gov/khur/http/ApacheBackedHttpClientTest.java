package mn.gov.khur.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.http.HttpHost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheBackedHttpClientTest {

    private HttpServer peer;
    private HttpServer proxy;
    private final List<String> seenByPeer = new CopyOnWriteArrayList<>();
    private final List<String> seenByProxy = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seenByPeer.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Khur-Signature") + " " + new String(body, StandardCharsets.UTF_8));
            reply(exchange, 200, "{\"result\":\"match\"}");
        });
        peer.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "late");
        });
        peer.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/echo");
            reply(exchange, 302, "");
        });
        peer.createContext("/huge", exchange -> hugeBody(exchange, 0));
        peer.createContext("/declared-huge", exchange -> hugeBody(exchange, DECLARED_HUGE));
        peer.start();
        // an HTTP forward proxy: takes absolute-form requests, resolves the made-up *.khur.test host to the peer
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            URI target = exchange.getRequestURI();
            seenByProxy.add(exchange.getRequestMethod() + " " + target);
            URI local = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + target.getRawPath());
            try {
                HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(local)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()))
                        .header("X-Khur-Signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Khur-Signature")))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                reply(exchange, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        peer.stop(0);
        proxy.stop(0);
    }

    private static final long HUGE = 64L * 1024 * 1024;
    private static final long DECLARED_HUGE = 200L * 1024 * 1024;
    /** How many bytes of a huge body the peer got written before the reader went away. */
    private final CompletableFuture<Long> hugeBytesWritten = new CompletableFuture<>();

    /** A body far over the limit: chunked (no length announced) or with its Content-Length announced. */
    private void hugeBody(HttpExchange exchange, long declaredLength) {
        long written = 0;
        byte[] block = new byte[64 * 1024];
        long total = declaredLength == 0 ? HUGE : declaredLength;
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, declaredLength);
            while (written < total) {
                out.write(block);
                written += block.length;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the reader closed the connection
        } finally {
            hugeBytesWritten.complete(written);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String peerUrl(String path) {
        return "http://127.0.0.1:" + peer.getAddress().getPort() + path;
    }

    @Test
    void aPostWithHeadersAndBodyReachesThePeerAndTheAnswerComesBackThroughTheJdkBodyHandlers() throws Exception {
        try (CloseableHttpClient apache = HttpClients.createDefault()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpRequest request = HttpRequest.newBuilder(URI.create(peerUrl("/echo"))).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("X-Khur-Signature", "v1=abc")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"msisdn\":\"+97699112233\"}")).build();

            HttpResponse<String> text = http.send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<Void> discarded = http.send(request, HttpResponse.BodyHandlers.discarding());

            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.body()).isEqualTo("{\"result\":\"match\"}");
            try (InputStream in = stream.body()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("match");
            }
            assertThat(discarded.statusCode()).isEqualTo(200);
            assertThat(seenByPeer).hasSize(3).allMatch(line -> line.equals("POST /echo v1=abc {\"msisdn\":\"+97699112233\"}"));
        }
    }

    @Test
    void theApacheClientsProxyRouteCarriesTheCallToAHostOnlyTheProxyCanResolve() throws Exception {
        HttpHost proxyHost = new HttpHost("127.0.0.1", proxy.getAddress().getPort());
        try (CloseableHttpClient apache = HttpClients.custom().setProxy(proxyHost).build()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://lookup.khur.test:8093/echo"))
                    .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(seenByProxy).containsExactly("POST http://lookup.khur.test:8093/echo");
        }
    }

    @Test
    void theRequestTimeoutEndsTheExchangeWithTheJdkTimeoutException() throws Exception {
        try (CloseableHttpClient apache = HttpClients.createDefault()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpRequest slow = HttpRequest.newBuilder(URI.create(peerUrl("/slow"))).timeout(Duration.ofMillis(300)).GET().build();

            assertThatThrownBy(() -> http.send(slow, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (CloseableHttpClient apache = HttpClients.createDefault()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(peerUrl("/moved"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(seenByPeer).isEmpty();
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingItToTheEnd() throws Exception {
        try (CloseableHttpClient apache = HttpClients.createDefault()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpRequest huge = HttpRequest.newBuilder(URI.create(peerUrl("/huge"))).timeout(Duration.ofSeconds(60)).GET().build();

            assertThatThrownBy(() -> http.send(huge, HttpResponse.BodyHandlers.ofByteArray()))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("more than 8388608 bytes");
            // the reader stopped at the limit: the peer could not write its 64 MiB (socket buffers take a few MiB more)
            assertThat(hugeBytesWritten.get(60, TimeUnit.SECONDS)).isLessThan(HUGE / 2);
        }
    }

    @Test
    void aBodyAnnouncingMoreThanTheLimitIsRefusedOnItsContentLength() throws Exception {
        try (CloseableHttpClient apache = HttpClients.createDefault()) {
            HttpClient http = new ApacheBackedHttpClient(() -> apache, Duration.ofSeconds(2));
            HttpRequest huge = HttpRequest.newBuilder(URI.create(peerUrl("/declared-huge"))).timeout(Duration.ofSeconds(60)).GET().build();

            assertThatThrownBy(() -> http.send(huge, HttpResponse.BodyHandlers.ofByteArray()))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("Content-Length " + DECLARED_HUGE);
            assertThat(hugeBytesWritten.get(60, TimeUnit.SECONDS)).isLessThan(DECLARED_HUGE / 4);
        }
    }
}
