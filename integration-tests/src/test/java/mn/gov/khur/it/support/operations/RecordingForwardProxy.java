package mn.gov.khur.it.support.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP forward proxy on loopback, like the one a national cloud puts between its servers and the outside:
 * takes absolute-form requests ({@code POST http://host:port/path}), records each, and forwards those for hosts
 * under {@code .khur.test} (names no DNS knows) to 127.0.0.1 on the same port. A call that reaches such a host
 * can only have come through here.
 */
public final class RecordingForwardProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding",
            "te", "trailer", "upgrade", "host", "content-length", "expect");

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public RecordingForwardProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD absolute-uri" of every request, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void forward(HttpExchange exchange) throws IOException {
        URI target = exchange.getRequestURI();
        requests.add(exchange.getRequestMethod() + " " + target);
        if (target.getHost() == null || !target.getHost().endsWith(".khur.test")) {
            reply(exchange, 502, new byte[0]);
            return;
        }
        URI local = URI.create("http://127.0.0.1:" + target.getPort() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(local).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 502, new byte[0]);
        } catch (IOException e) {
            reply(exchange, 502, new byte[0]);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
