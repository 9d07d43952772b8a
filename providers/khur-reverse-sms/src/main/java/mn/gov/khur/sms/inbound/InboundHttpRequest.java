package mn.gov.khur.sms.inbound;

import java.io.InputStream;

/** The parts of a webhook request the handler looks at; the body is read by the handler, bounded. */
record InboundHttpRequest(
        String remoteAddr,
        String contentType,
        String contentLength,
        String timestamp,
        String signature,
        InputStream body) {
}
