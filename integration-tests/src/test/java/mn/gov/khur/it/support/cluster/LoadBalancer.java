package mn.gov.khur.it.support.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load balancer in front of the nodes, at TCP level: the test decides which node gets new
 * connections, and switching cuts the open ones, as a failover does.
 */
public final class LoadBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;

    public LoadBalancer(int port, int initialTargetPort) throws IOException {
        this.server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
        this.targetPort = initialTargetPort;
        Thread.ofPlatform().daemon().name("cluster-lb").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void routeTo(int nodePort) {
        targetPort = nodePort;
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void pipe(Socket from, Socket to) {
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
                open.remove(from);
                open.remove(to);
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
        routeTo(targetPort);
    }
}
