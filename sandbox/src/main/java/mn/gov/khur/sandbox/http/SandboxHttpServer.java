package mn.gov.khur.sandbox.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server as the sandbox's simulators run it: a few threads, so that a slow poll does not hold up
 * the operator's page, and every thread gone on {@link #close}. Bind, add routes, then {@link #start}.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;

    private SandboxHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Port 0 picks a free port (tests). */
    public static SandboxHttpServer bind(String host, int port) throws IOException {
        return new SandboxHttpServer(HttpServer.create(new InetSocketAddress(host, port), 0));
    }

    /** Requests whose path starts with {@code pathPrefix} go to {@code handler}; the longest prefix wins. */
    public SandboxHttpServer route(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
        return this;
    }

    public SandboxHttpServer start() {
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where a client on this machine reaches {@code path}, whatever address the server is bound to. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService executor) {
            executor.shutdownNow();
        }
    }
}
