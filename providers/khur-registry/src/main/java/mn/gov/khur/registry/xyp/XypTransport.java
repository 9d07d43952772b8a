package mn.gov.khur.registry.xyp;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** One SOAP POST to the registry: status and body, or an {@link IOException} when no answer came. */
@FunctionalInterface
interface XypTransport {

    Answer post(URI endpoint, Map<String, String> headers, byte[] envelope) throws IOException;

    record Answer(int status, byte[] body) {
    }
}
