package mn.gov.khur.esign.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small, bounded HTTP exchanges with OCSP responders and CRL distribution points. */
final class HttpFetcher {

    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private final HttpClient client;
    private final Duration timeout;

    HttpFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = mn.gov.khur.http.OutboundHttp.client(timeout); // Keycloak's proxy-mappings, truststore, timeouts
    }

    byte[] post(URI uri, String contentType, byte[] body) throws RevocationUnavailableException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    byte[] get(URI uri) throws RevocationUnavailableException {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
    }

    private byte[] send(HttpRequest request) throws RevocationUnavailableException {
        if (!"http".equalsIgnoreCase(request.uri().getScheme()) && !"https".equalsIgnoreCase(request.uri().getScheme())) {
            throw new RevocationUnavailableException("unsupported URL scheme: " + request.uri());
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new RevocationUnavailableException("HTTP " + response.statusCode() + " from " + request.uri());
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new RevocationUnavailableException("response too large from " + request.uri());
                }
                return body;
            }
        } catch (IOException e) {
            throw new RevocationUnavailableException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationUnavailableException("interrupted", e);
        }
    }
}
