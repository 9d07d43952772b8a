package mn.gov.khur.it.support.cluster;

import java.io.IOException;
import java.net.ServerSocket;

final class ClusterPorts {

    private ClusterPorts() {
    }

    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
