package mn.gov.khur.sandbox.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.smsc.SmscMessage;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import mn.gov.khur.sandbox.subscribers.SubscriberRegistry;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhonePageTest {

    private final HttpClient http = HttpClient.newHttpClient(); // never follows redirects
    private SmscSimulator smsc;
    private PhonePage page;

    @BeforeEach
    void start() throws IOException {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofMillis(200)));
        page = PhonePage.start("127.0.0.1", 0, smsc, SandboxCitizens.load().all(), "130092");
    }

    @AfterEach
    void stop() {
        page.close();
        smsc.close();
    }

    @Test
    void pageListsTheSandboxPhonesWithBilingualLabels() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Илгээх / Send", "+97699112233", "Бат-Эрдэнэ", "value=\"130092\"",
                "action=\"/send\"");
    }

    @Test
    void formPostRedirectsToGetAndShowsTheMessage() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(page.uri().resolve("/send"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "from=%2B97688123456&fromOther=&to=130092&text=%D0%9A%D0%BE%D0%B4+482913"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(303);
        String location = post.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/?sent=sim-");
        SmscMessage message = smsc.messages().getFirst();
        assertThat(message.from()).isEqualTo("+97688123456");
        assertThat(message.text()).isEqualTo("Код 482913");

        String html = get(location).body();
        assertThat(html).contains("id=\"sandbox-sent\"", "Код 482913", "data-state=\"PENDING\"");
    }

    @Test
    void theSenderNumberMayBeTypedWithSpacesAndDashes() throws Exception {
        HttpResponse<String> post = postForm("/send", "from=%2B97688123456&fromOther=%2B976+9911-2233&to=130092&text=482913");

        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location").orElseThrow()).startsWith("/?sent=sim-");
        assertThat(smsc.messages().getFirst().from()).isEqualTo("+97699112233");
        assertThat(get("/inbox?phone=9911+2233").body()).contains("id=\"sandbox-inbox-phone\">+97699112233<");
    }

    @Test
    void aTesterRegistersANumberInACitizensNameOnThePage() throws Exception {
        SubscriberRegistry registry = new SubscriberRegistry();
        PhonePage withLookup = PhonePage.start("127.0.0.1", 0, smsc, SandboxCitizens.load().all(), "130092", registry);
        try {
            String page = http.send(HttpRequest.newBuilder(withLookup.uri()).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"sandbox-subscriber-form\"", "action=\"/subscribers\"", "name=\"msisdn\"",
                    "name=\"registerNumber\"", "Бүртгэх / Register");

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(withLookup.uri().resolve("/subscribers"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("msisdn=8811+4455&registerNumber=+%D1%83%D0%B199112233"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(303);
            assertThat(post.headers().firstValue("Location").orElseThrow()).startsWith("/?registered=%2B97688114455");
            assertThat(registry.lookup("+97688114455", "УБ99112233")).isEqualTo("match");
            String after = http.send(HttpRequest.newBuilder(withLookup.uri().resolve(post.headers().firstValue("Location").orElseThrow()))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(after).contains("id=\"sandbox-registered\"", "<tr data-msisdn=\"+97688114455\"><td>+97688114455</td><td>УБ99112233</td>");

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(withLookup.uri().resolve("/subscribers"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("msisdn=123&registerNumber=")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.headers().firstValue("Location").orElseThrow()).startsWith("/?error=subscriber");
        } finally {
            withLookup.close();
        }
        assertThat(get("/").body()).as("without the lookup there is no such form").doesNotContain("sandbox-subscriber-form");
    }

    @Test
    void crossSiteFormPostIsRefused() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(page.uri().resolve("/send"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://evil.test")
                .POST(HttpRequest.BodyPublishers.ofString("from=%2B97688123456&to=130092&text=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(smsc.messages()).isEmpty();
    }

    @Test
    void jsonEndpointQueuesAnSmsThatReachesTheBoundEsme() throws Exception {
        SMPPSession esme = new SMPPSession();
        java.util.List<DeliverSm> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        esme.setMessageReceiverListener(new org.jsmpp.session.MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                received.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification a) {
            }

            @Override
            public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm d, org.jsmpp.session.Session s)
                    throws org.jsmpp.extra.ProcessRequestException {
                throw new org.jsmpp.extra.ProcessRequestException("no", 3);
            }
        });
        esme.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_RX, "khur", "sandbox", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(page.uri().resolve("/api/sms"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"from\":\"+97699112233\",\"to\":\"130092\",\"text\":\"482913\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).contains("\"id\":\"sim-", "\"from\":\"+97699112233\"");
            String id = response.headers().firstValue("Location").orElseThrow().substring("/api/sms/".length());
            assertThat(smsc.message(id).orElseThrow().result().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(new String(received.getFirst().getShortMessage(), StandardCharsets.US_ASCII))
                    .isEqualTo("482913");
            assertThat(get("/api/sms/" + id).body()).contains("\"state\":\"DELIVERED\"", "\"attempts\":1");
        } finally {
            esme.unbindAndClose();
        }
    }

    @Test
    void jsonEndpointValidatesInput() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(page.uri().resolve("/api/sms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"abc\",\"text\":\"1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(get("/api/sms/nope").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(page.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(page.uri().toString()).resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
