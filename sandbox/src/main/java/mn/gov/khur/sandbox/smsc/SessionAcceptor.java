package mn.gov.khur.sandbox.smsc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/** Accepts TCP connections, authenticates the bind and registers bound sessions. */
final class SessionAcceptor implements AutoCloseable {

    static final String SMSC_SYSTEM_ID = "khur-sandbox";
    private static final long REJECTED_BIND_GRACE_MILLIS = 1000;
    private static final System.Logger LOG = System.getLogger(SessionAcceptor.class.getName());

    private final SmscSimulatorConfig config;
    private final ReceiverRegistry registry;
    private final Runnable onReceiverBound;
    private final ServerSocket serverSocket;
    private final SMPPServerSessionListener listener;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("sandbox-smsc-", 0).factory());
    private volatile boolean closed;

    SessionAcceptor(SmscSimulatorConfig config, ReceiverRegistry registry,
                    ServerMessageReceiverListener requestListener, Runnable onReceiverBound) throws IOException {
        this.config = config;
        this.registry = registry;
        this.onReceiverBound = onReceiverBound;
        this.serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(config.host(), config.port()), 50);
            // jsmpp's own factory binds every interface and cannot report an ephemeral port.
            listener = new SMPPServerSessionListener(serverSocket.getLocalPort(), new BoundSocketFactory(serverSocket));
        } catch (IOException | RuntimeException e) {
            serverSocket.close();
            throw e;
        }
        listener.setMessageReceiverListener(requestListener);
    }

    void start() {
        workers.execute(this::acceptLoop);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the SMPP listener failed", e);
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accepting an SMPP connection failed: {0}", e.toString());
                }
            } catch (RuntimeException e) {
                // Executor shut down while closing.
                if (!closed) {
                    throw e;
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        BindRequest request;
        try {
            request = session.waitForBind(config.bindTimeout().toMillis());
        } catch (TimeoutException e) {
            LOG.log(Level.INFO, "no bind within {0}, connection closed", config.bindTimeout());
            return;
        } catch (IllegalStateException e) {
            session.close();
            return;
        }
        try {
            int status = authenticate(request);
            if (status != SMPPConstant.STAT_ESME_ROK) {
                LOG.log(Level.INFO, "bind {0} as system_id={1} rejected with status 0x{2}",
                        request.getBindType(), request.getSystemId(), Integer.toHexString(status));
                request.reject(status);
                closeAfterGrace(session);
                return;
            }
            session.setTransactionTimer(config.responseTimeout().toMillis());
            request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            LOG.log(Level.INFO, "bound {0} as system_id={1}", request.getBindType(), request.getSystemId());
            registry.add(session, request.getBindType());
            onReceiverBound.run();
        } catch (IOException | PDUStringException e) {
            LOG.log(Level.WARNING, "bind handshake failed: {0}", e.toString());
            session.close();
        }
    }

    /**
     * Closing right after the negative bind_resp makes jsmpp clients lose it (their reader sees
     * EOF and drops the queued response), so give the ESME a moment to read it and hang up.
     */
    private static void closeAfterGrace(SMPPServerSession session) {
        try {
            Thread.sleep(REJECTED_BIND_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.close();
        }
    }

    private int authenticate(BindRequest request) {
        if (!config.systemId().equals(request.getSystemId())) {
            return SMPPConstant.STAT_ESME_RINVSYSID;
        }
        // Constant time, as a real SMSC should compare secrets.
        byte[] expected = config.password().getBytes(StandardCharsets.US_ASCII);
        byte[] given = String.valueOf(request.getPassword()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? SMPPConstant.STAT_ESME_ROK : SMPPConstant.STAT_ESME_RINVPASWD;
    }

    /** Hands jsmpp the socket we bound ourselves (chosen interface, known ephemeral port). */
    private record BoundSocketFactory(ServerSocket socket) implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int port) {
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            return listen(port, timeout);
        }
    }
}
