package mn.gov.khur.smsgateway.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** The identity provider's inbound endpoint, played by the JDK HTTP server on a loopback port. */
public final class WebhookStub implements AutoCloseable {

    public record Request(String contentType, String timestamp, String signature, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Answer(int status, String body, long delayMillis) {
        public static Answer of(int status, String body) {
            return new Answer(status, body, 0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = Answer.of(200, "{\"status\":\"matched\"}");

    private WebhookStub(HttpServer server) {
        this.server = server;
    }

    public static WebhookStub start() throws IOException {
        return start(0);
    }

    public static WebhookStub start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        WebhookStub stub = new WebhookStub(server);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/realms/khur/sms-gateway/inbound", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            stub.requests.add(new Request(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Khur-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Khur-Signature"), body));
            Answer a = stub.answer;
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
        return stub;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/khur/sms-gateway/inbound");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(Answer next) {
        answer = next;
    }

    public List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
