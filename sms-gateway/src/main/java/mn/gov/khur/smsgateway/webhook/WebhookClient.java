package mn.gov.khur.smsgateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** POSTs an {@link InboundSms}, signed per contracts §2, with java.net.http. */
public final class WebhookClient implements InboundForwarder {

    private static final int MAX_DETAIL = 64;

    private final URI endpoint;
    private final WebhookSigner signer;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public WebhookClient(URI endpoint, WebhookSigner signer, Duration timeout, HttpClient http, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.signer = Objects.requireNonNull(signer);
        this.timeout = Objects.requireNonNull(timeout);
        this.http = Objects.requireNonNull(http);
        this.clock = Objects.requireNonNull(clock);
    }

    /** An HTTP/1.1 client that never follows redirects (a redirect would drop the signed POST). */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public WebhookResult forward(InboundSms sms) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(sms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the inbound SMS", e);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return WebhookResult.fromStatus(response.statusCode(), summarize(response.body()));
        } catch (HttpTimeoutException e) {
            return WebhookResult.unreachable("timeout after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return WebhookResult.unreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookResult.unreachable("interrupted");
        }
    }

    /** The answer's "status" or "error" member; never the whole body (it is not ours to log). */
    private String summarize(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.has("status") ? node.get("status") : node.get("error");
            if (value != null && value.isTextual()) {
                String text = value.asText();
                return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
            }
        } catch (JsonProcessingException e) {
            // not JSON
        }
        return "-";
    }
}
