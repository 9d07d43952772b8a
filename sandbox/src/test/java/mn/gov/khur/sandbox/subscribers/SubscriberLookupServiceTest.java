package mn.gov.khur.sandbox.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriberLookupServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SubscriberLookupService service;

    @BeforeEach
    void start() throws Exception {
        service = SubscriberLookupService.start("127.0.0.1", 0, SandboxCitizens.load().all(), "t0ken");
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void answersMatchNoMatchAndUnknown() throws Exception {
        assertThat(lookup("+97699112233", "УБ99112233", "t0ken").body()).isEqualTo("{\"result\":\"match\"}");
        assertThat(lookup("+97699112233", "уб99112233", "t0ken").body()).isEqualTo("{\"result\":\"match\"}");
        assertThat(lookup("+97699112233", "ЧД05231478", "t0ken").body()).isEqualTo("{\"result\":\"no_match\"}");
        assertThat(lookup(SubscriberLookupService.SOMEONE_ELSES_NUMBER, "УБ99112233", "t0ken").body()).contains("no_match");
        assertThat(lookup(SubscriberLookupService.UNREGISTERED_NUMBER, "УБ99112233", "t0ken").body()).contains("unknown");
        assertThat(lookup("+97688999999", "УБ99112233", "t0ken").body()).contains("unknown");
    }

    @Test
    void requiresTheTokenAndSimulatesAnOutage() throws Exception {
        assertThat(lookup("+97699112233", "УБ99112233", "wrong").statusCode()).isEqualTo(401);
        post("/admin/outage", "{\"down\":true}");
        assertThat(lookup("+97699112233", "УБ99112233", "t0ken").statusCode()).isEqualTo(503);
        post("/admin/outage", "{\"down\":false}");
        assertThat(lookup("+97699112233", "УБ99112233", "t0ken").statusCode()).isEqualTo(200);
    }

    @Test
    void subscribersCanBeAddedForTests() throws Exception {
        post("/admin/subscribers", "{\"msisdn\":\"+97688111222\",\"registerNumber\":\"АА90010112\"}");
        assertThat(lookup("+97688111222", "АА90010112", "t0ken").body()).contains("\"match\"");
        assertThat(List.of(service.registry().size())).allMatch(n -> n > 5);
    }

    @Test
    void reportsAKnownSimSwapUntilItIsForgotten() throws Exception {
        post("/admin/sim-change", "{\"msisdn\":\"+97699112233\",\"changedAt\":\"2026-11-23T10:00:00Z\"}");
        assertThat(lookup("+97699112233", "УБ99112233", "t0ken").body())
                .isEqualTo("{\"result\":\"match\",\"simChangedAt\":\"2026-11-23T10:00:00Z\"}");
        post("/admin/sim-change", "{\"msisdn\":\"+97699112233\",\"changedAt\":null}");
        assertThat(lookup("+97699112233", "УБ99112233", "t0ken").body()).isEqualTo("{\"result\":\"match\"}");
    }

    private HttpResponse<String> lookup(String msisdn, String registerNumber, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(service.lookupUri()).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"msisdn\":\"" + msisdn + "\",\"registerNumber\":\"" + registerNumber + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path, String body) throws Exception {
        URI uri = service.lookupUri().resolve(path);
        assertThat(http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    }
}
