package mn.gov.khur.sandbox.xyp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.Gender;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CitizenRegistry;
import mn.gov.khur.registry.CodeDelivery;
import mn.gov.khur.registry.RegistryLookup;
import mn.gov.khur.registry.xyp.XypRequestSigner;
import mn.gov.khur.registry.xyp.XypSettings;
import mn.gov.khur.registry.xyp.XypStandalone;

import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox ХУР over the real wire, with khur-idp's own adapter (SAAJ + JAXB over Apache HttpClient) as the client. */
class XypSimulatorTest {

    private static final String REGNUM = "ХО95070322";
    private final OrganisationKeys organisation = OrganisationKeys.generate();
    private final CloseableHttpClient http = HttpClients.createDefault();
    private XypSimulator registry;

    @BeforeEach
    void start() throws IOException {
        registry = XypSimulator.start("127.0.0.1", 0, organisation.accessToken(), organisation.keyPair().getPublic(),
                List.of(RegistryPerson.answering(REGNUM, "Урианхай", "Цэрэн", "Номин", LocalDate.of(1995, 7, 3), "Эмэгтэй")));
    }

    @AfterEach
    void stop() throws IOException {
        registry.close();
        http.close();
    }

    @Test
    void theRegistrySendsACodeAndAnswersTheIdCardDataForIt() {
        CitizenRegistry adapter = adapter(organisation);
        CodeDelivery delivery = adapter.sendOneTimeCode(RegisterNumber.parse(REGNUM), MongolianMobileNumber.tryParse("+97699445566"));
        assertThat(delivery).isInstanceOf(CodeDelivery.Sent.class);
        XypSimulator.SentCode sent = registry.lastCode(REGNUM).orElseThrow();
        assertThat(sent.phone()).isEqualTo("99445566");

        RegistryLookup answer = adapter.fetch(RegisterNumber.parse(REGNUM),
                new Approval.OneTimeCode(Integer.parseInt(sent.code()), ((CodeDelivery.Sent) delivery).timestamp()));
        assertThat(answer).isInstanceOf(RegistryLookup.Found.class);
        var record = ((RegistryLookup.Found) answer).record();
        assertThat(record.registerNumber()).isEqualTo(REGNUM);
        assertThat(record.givenName()).isEqualTo("Номин");
        assertThat(record.patronymic()).isEqualTo("Цэрэн");
        assertThat(record.clanName()).isEqualTo("Урианхай");
        assertThat(record.birthDate()).isEqualTo(LocalDate.of(1995, 7, 3));
        assertThat(record.gender()).isEqualTo(Gender.FEMALE);
        assertThat(record.requestId()).startsWith("sandbox-");

        assertThat(adapter.fetch(RegisterNumber.parse(REGNUM), new Approval.OneTimeCode(Integer.parseInt(sent.code()),
                ((CodeDelivery.Sent) delivery).timestamp()))).as("a code approves one fetch").isInstanceOf(RegistryLookup.ConsentRefused.class);
        assertThat(adapter.reachable()).isTrue();
    }

    @Test
    void aWrongCodeIsConsentRefusedAndAnUnknownPersonNotFound() {
        CitizenRegistry adapter = adapter(organisation);
        CodeDelivery.Sent delivery = (CodeDelivery.Sent) adapter.sendOneTimeCode(RegisterNumber.parse(REGNUM), Optional.empty());
        int wrong = (Integer.parseInt(registry.lastCode(REGNUM).orElseThrow().code()) + 1) % 1_000_000;
        assertThat(adapter.fetch(RegisterNumber.parse(REGNUM), new Approval.OneTimeCode(wrong, delivery.timestamp())))
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        assertThat(adapter.sendOneTimeCode(RegisterNumber.parse("УБ99112233"), Optional.empty()))
                .isEqualTo(new CodeDelivery.NotFound(XypSimulator.NOT_FOUND));
    }

    @Test
    void aForgedAccessTokenSignatureIsRefused() {
        // the right access token, signed with a key that is not the organisation's
        OrganisationKeys forger = new OrganisationKeys(OrganisationKeys.generate().keyPair(), organisation.accessToken());
        CitizenRegistry forged = adapter(forger);
        assertThat(forged.sendOneTimeCode(RegisterNumber.parse(REGNUM), Optional.empty()))
                .isInstanceOf(CodeDelivery.Unavailable.class)
                .extracting(answer -> ((CodeDelivery.Unavailable) answer).reason()).isEqualTo("HTTP 401");
        assertThat(forged.reachable()).isFalse();
        assertThat(registry.lastCode(REGNUM)).as("no code sent for a forged call").isEmpty();
        assertThat(registry.refusedSignatures()).isEqualTo(2);
    }

    @Test
    void unsignedAndStaleCallsAreRefusedBeforeTheBodyIsRead() throws Exception {
        byte[] body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                .concat("<m:WS100001_listAccess xmlns:m=\"http://meta.xyp.gov.mn/\"/></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(Map.of(), body).statusCode()).isEqualTo(401);
        long stale = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        assertThat(post(XypRequestSigner.headers(organisation.accessToken(), stale, organisation.keyPair().getPrivate()), body)
                .statusCode()).isEqualTo(401);
        long now = java.time.Instant.now().getEpochSecond();
        HttpResponse<String> signed = post(XypRequestSigner.headers(organisation.accessToken(), now,
                organisation.keyPair().getPrivate()), body);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("<resultCode>0</resultCode>");
        assertThat(registry.refusedSignatures()).isEqualTo(2);
    }

    @Test
    void requestsOutsideTheSchemaAreFaultsAndTheWsdlIsServed() throws Exception {
        long now = java.time.Instant.now().getEpochSecond();
        byte[] invalid = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                .concat("<m:WS100008_registerOTPRequest xmlns:m=\"http://meta.xyp.gov.mn/\"><request><isSms>yes</isSms>")
                .concat("</request></m:WS100008_registerOTPRequest></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> fault = post(XypRequestSigner.headers(organisation.accessToken(), now,
                organisation.keyPair().getPrivate()), invalid);
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(fault.body()).contains("Fault").contains("invalid request");
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.citizenUri() + "?WSDL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.body()).contains("WS100101_getCitizenIDCardInfo").contains("http://citizen.xyp.gov.mn/");
    }

    @Test
    void theOutageSwitchMakesTheRegistryUnavailable() {
        registry.setDown(true);
        assertThat(adapter(organisation).sendOneTimeCode(RegisterNumber.parse(REGNUM), Optional.empty()))
                .isEqualTo(new CodeDelivery.Unavailable("HTTP 503"));
        registry.setDown(false);
        assertThat(adapter(organisation).reachable()).isTrue();
    }

    private CitizenRegistry adapter(OrganisationKeys keys) {
        XypSettings settings = XypSettings.from(name -> null, Map.of("KHUR_REGISTRY_CITIZEN_URL", registry.citizenUri().toString(),
                "KHUR_REGISTRY_META_URL", registry.metaUri().toString()));
        return XypStandalone.connect(settings, http, keys.accessToken(), keys.keyPair().getPrivate());
    }

    private HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.metaUri()).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
