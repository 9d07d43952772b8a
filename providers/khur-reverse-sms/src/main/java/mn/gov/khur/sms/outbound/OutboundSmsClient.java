package mn.gov.khur.sms.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One signed {@code POST /mt} to the SMPP bridge; blocking, bounded by the timeout. Runs on the sender's threads. */
public final class OutboundSmsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final OutboundSmsSigner signer;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    public OutboundSmsClient(URI endpoint, OutboundSmsSigner signer, Duration timeout, Clock clock) {
        // Keycloak's HTTP client: its proxy-mappings, truststore and timeouts apply to the bridge too
        this(endpoint, signer, timeout, mn.gov.khur.http.OutboundHttp.client(timeout), clock);
    }

    OutboundSmsClient(URI endpoint, OutboundSmsSigner signer, Duration timeout, HttpClient http, Clock clock) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.timeout = timeout;
        this.http = http;
        this.clock = clock;
    }

    /** The body exactly as sent (and signed). */
    static byte[] body(OutboundSms sms) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("messageId", sms.messageId());
        body.put("to", sms.to().e164());
        body.put("from", sms.from());
        body.put("text", sms.text());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** @return the HTTP status the bridge answered */
    public int send(OutboundSms sms) throws IOException, InterruptedException {
        byte[] body = body(sms);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(OutboundSmsSigner.TIMESTAMP_HEADER, timestamp)
                .header(OutboundSmsSigner.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
