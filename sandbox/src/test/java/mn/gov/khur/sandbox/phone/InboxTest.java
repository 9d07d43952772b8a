package mn.gov.khur.sandbox.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mn.gov.khur.sandbox.citizens.SandboxCitizens;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox phone's inbox shows what an ESME submitted (submit_sm) to that phone, decoded. */
class InboxTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SmscSimulator smsc;
    private PhonePage page;
    private SMPPSession esme;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofMillis(200)));
        page = PhonePage.start("127.0.0.1", 0, smsc, SandboxCitizens.load().all(), "130092");
        esme = new SMPPSession();
        esme.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, smsc.config().systemId(),
                smsc.config().password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
    }

    @AfterEach
    void stop() {
        esme.unbindAndClose();
        page.close();
        smsc.close();
    }

    @Test
    void ucs2InShortMessageAndInMessagePayloadAreShownPerPhone() throws Exception {
        submit("97699112233", "ХУР: 0".getBytes(StandardCharsets.UTF_16BE), new OptionalParameter[0]);
        byte[] longText = "Я".repeat(100).getBytes(StandardCharsets.UTF_16BE);
        submit("97699112233", new byte[0], new OptionalParameter[] {
                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), longText)});
        submit("97688123456", "other".getBytes(StandardCharsets.UTF_16BE), new OptionalParameter[0]);

        JsonNode inbox = new ObjectMapper().readTree(get("/api/inbox?phone=%2B97699112233").body());
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).path("text").asText()).isEqualTo("ХУР: 0");
        assertThat(inbox.get(0).path("from").asText()).isEqualTo("130092");
        assertThat(inbox.get(1).path("text").asText()).isEqualTo("Я".repeat(100));

        HttpResponse<String> html = get("/inbox?phone=99112233");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("id=\"sandbox-inbox\"").contains("ХУР: 0").doesNotContain("other");
        assertThat(get("/api/inbox?phone=123").statusCode()).isEqualTo(400);
        assertThat(get("/").body()).contains("href=\"/inbox\"");
    }

    private void submit(String to, byte[] body, OptionalParameter[] tlvs) throws Exception {
        esme.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "130092",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 0, null, null,
                new RegisteredDelivery(0), (byte) 0, DataCodings.newInstance((byte) 0x08), (byte) 0, body, tlvs);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page.uri().toString().replaceAll("/$", "") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
