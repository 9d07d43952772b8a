package mn.gov.khur.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of Keycloak that can play "identity provider unreachable": while down it
 * drops every connection at once, as a dead upstream behind a load balancer would.
 */
public final class SwitchableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final Thread acceptor;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean loseNextAnswer = new AtomicBoolean();

    public SwitchableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("switchable-proxy").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * The next connection's request reaches Keycloak, but its answer never comes back: the connection is cut as soon
     * as Keycloak starts answering (Keycloak did the work; the caller sees a broken connection). Open connections are
     * cut first, so the next request opens a new one.
     */
    public void loseNextAnswer() {
        setUp(false);
        loseNextAnswer.set(true);
        setUp(true);
    }

    /** Down also cuts the connections already open: a kept-alive HTTP connection must not slip through. */
    public void setUp(boolean value) {
        up.set(value);
        if (!value) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
            open.clear();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up.get()) {
                    client.setSoLinger(true, 0);
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                if (loseNextAnswer.compareAndSet(true, false)) {
                    cutOnFirstAnswerByte(upstream, client);
                } else {
                    pipe(upstream, client);
                }
            } catch (IOException e) {
                // closed, or one connection failed: keep serving the others
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // peer closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    private static void cutOnFirstAnswerByte(Socket upstream, Socket client) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = upstream.getInputStream()) {
                in.read(); // blocks until Keycloak has answered
            } catch (IOException e) {
                // peer closed
            } finally {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
