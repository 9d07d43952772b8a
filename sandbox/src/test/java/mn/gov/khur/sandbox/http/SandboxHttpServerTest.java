package mn.gov.khur.sandbox.http;

import static mn.gov.khur.sandbox.http.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import mn.gov.khur.sandbox.http.TestHttp.Reply;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared server and the replies and request readers the simulators answer with. */
class SandboxHttpServerTest {

    private SandboxHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = SandboxHttpServer.bind("127.0.0.1", 0)
                .route("/json", exchange -> {
                    try (exchange) {
                        Replies.json(exchange, 201, Map.of("state", "RUNNING"));
                    }
                })
                .route("/json/page", exchange -> {
                    try (exchange) {
                        Replies.html(exchange, "<p>Бат</p>");
                    }
                })
                .route("/form", exchange -> {
                    try (exchange) {
                        if (Requests.requirePost(exchange)) {
                            Replies.json(exchange, 200, Requests.formFields(exchange, 64));
                        }
                    }
                })
                .route("/echo", exchange -> {
                    try (exchange) {
                        Replies.json(exchange, 200, Requests.jsonBody(exchange, 1024));
                    } catch (IOException e) {
                        // the exchange is already closed; the client sees the connection end
                    }
                })
                .route("/go", exchange -> {
                    try (exchange) {
                        Replies.seeOther(exchange, "/json/page");
                    }
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uriIsOnLoopbackAtTheBoundPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.uri("/v2")).hasToString("http://127.0.0.1:" + server.port() + "/v2");
    }

    @Test
    void jsonAndHtmlRepliesCarryTheirContentType() throws Exception {
        Reply json = call("GET", "/json/anything", "");
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.contentType()).isEqualTo("application/json");
        assertThat(json.json()).isEqualTo(json("{\"state\":\"RUNNING\"}"));

        Reply page = call("GET", "/json/page", "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).isEqualTo("<p>Бат</p>");
    }

    @Test
    void seeOtherRedirectsWithoutABody() throws Exception {
        Reply redirect = call("POST", "/go", "");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.location()).isEqualTo("/json/page");
        assertThat(redirect.body()).isEmpty();
    }

    @Test
    void formFieldsComeFromTheQueryElseTheBody() throws Exception {
        assertThat(call("POST", "/form?rn=%D0%A3%D0%91&behaviour=decline", "ignored=1").json())
                .isEqualTo(json("{\"rn\":\"УБ\",\"behaviour\":\"decline\"}"));
        assertThat(call("POST", "/form", "msisdn=%2B976&behaviour=a+b").json())
                .isEqualTo(json("{\"msisdn\":\"+976\",\"behaviour\":\"a b\"}"));
        assertThat(call("GET", "/form", "").status()).isEqualTo(405);
    }

    @Test
    void jsonBodyIsParsed() throws Exception {
        assertThat(call("POST", "/echo", "{\"a\":[1,2]}").json()).isEqualTo(json("{\"a\":[1,2]}"));
    }

    @Test
    void parseFormKeepsTheLastValueAndDropsFieldsWithoutAName() {
        assertThat(Requests.parseForm("a=1&a=2&=x&flag&b=%3D")).containsExactly(Map.entry("a", "2"), Map.entry("b", "="));
        assertThat(Requests.parseForm("")).isEmpty();
    }

    @Test
    void closeStopsListening() {
        int port = server.port();
        server.close();
        assertThatThrownBy(() -> TestHttp.call(port, "GET", "/json", "")).isInstanceOf(IOException.class);
    }

    private Reply call(String method, String path, String body) throws Exception {
        return TestHttp.call(server.port(), method, path, body);
    }
}
