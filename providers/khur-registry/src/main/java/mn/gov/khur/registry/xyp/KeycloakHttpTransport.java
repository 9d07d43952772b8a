package mn.gov.khur.registry.xyp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * The POST through Keycloak's outgoing HTTP client ({@code HttpClientProvider}): its truststore
 * ({@code --truststore-paths}), client certificate, proxy mappings and pool apply; the registry's own connect and
 * read timeouts are set per request. Answers over 1 MiB are cut off as unusable; redirects are not followed.
 */
final class KeycloakHttpTransport implements XypTransport {

    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final CloseableHttpClient client;
    private final RequestConfig config;

    KeycloakHttpTransport(CloseableHttpClient client, Duration connectTimeout, Duration timeout) {
        this.client = client;
        this.config = RequestConfig.custom().setConnectTimeout((int) connectTimeout.toMillis())
                .setConnectionRequestTimeout((int) connectTimeout.toMillis()).setSocketTimeout((int) timeout.toMillis())
                .setRedirectsEnabled(false).build();
    }

    @Override
    public Answer post(URI endpoint, Map<String, String> headers, byte[] envelope) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        post.setConfig(config);
        headers.forEach(post::setHeader);
        post.setHeader("SOAPAction", "\"\"");
        post.setEntity(new ByteArrayEntity(envelope, ContentType.create("text/xml", "UTF-8")));
        try (CloseableHttpResponse response = client.execute(post)) {
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(MAX_ANSWER_BYTES + 1);
                }
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new IOException("registry answer over " + MAX_ANSWER_BYTES + " bytes");
            }
            return new Answer(response.getStatusLine().getStatusCode(), body);
        }
    }
}
