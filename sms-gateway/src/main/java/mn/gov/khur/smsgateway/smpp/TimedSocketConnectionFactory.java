package mn.gov.khur.smsgateway.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * jsmpp's default factory connects without a timeout, so a black-holed SMSC address would stall
 * the reconnect loop for the OS's TCP timeout (minutes); this one gives up after {@code timeout}.
 */
final class TimedSocketConnectionFactory implements ConnectionFactory {

    private final int timeoutMillis;

    TimedSocketConnectionFactory(Duration timeout) {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new SocketConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
