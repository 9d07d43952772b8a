package mn.gov.khur.sandbox.xyp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

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
    void anApprovalBySignatureOverRegnumDotTimestampByTheCitizensCertificateFetchesTheIdCard() {
        SandboxPki pki = SandboxPki.generate();
        registry.certificates(pki::issued);
        long now = Instant.now().getEpochSecond();
        for (KeyKind kind : KeyKind.values()) {
            IssuedCertificate token = pki.issue(certificate(pki, REGNUM, kind));
            long timestamp = now - kind.ordinal(); // one approval per timestamp
            RegistryLookup answer = adapter(organisation).fetch(RegisterNumber.parse(REGNUM), new Approval.Signature(
                    token.certificate(), token.sign((REGNUM + "." + timestamp).getBytes(StandardCharsets.UTF_8)), timestamp));
            assertThat(answer).as(kind.name()).isInstanceOf(RegistryLookup.Found.class);
            assertThat(((RegistryLookup.Found) answer).record().givenName()).isEqualTo("Номин");
        }
        assertThat(registry.signatureApprovals()).isEqualTo(KeyKind.values().length);
        assertThat(registry.refusedCitizenSignatures()).isZero();
    }

    @Test
    void aSignatureThatIsNotTheCitizensApprovalOfThisFetchIsConsentRefused() {
        SandboxPki pki = SandboxPki.generate();
        registry.certificates(pki::issued);
        registry.register(RegistryPerson.answering("УБ99112233", "Боржигон", "Болд", "Бат", LocalDate.of(1999, 1, 2), "Эрэгтэй"));
        IssuedCertificate mine = pki.issue(certificate(pki, REGNUM, KeyKind.EC_P256));
        IssuedCertificate someoneElses = pki.issue(certificate(pki, "УБ99112233", KeyKind.EC_P256));
        IssuedCertificate unknownToTheRegistry = pki.issueUntrusted(certificate(pki, REGNUM, KeyKind.EC_P256));
        long now = Instant.now().getEpochSecond();
        RegisterNumber rn = RegisterNumber.parse(REGNUM);
        CitizenRegistry adapter = adapter(organisation);
        // each case its own timestamp: a timestamp is presented once (see the reuse test)
        // a signature made for a login (khur-idp's nonce string) is no approval
        assertThat(adapter.fetch(rn, new Approval.Signature(mine.certificate(), mine.sign(
                "khur-login/v1 origin-sha256=AAAA nonce-sha256=BBBB".getBytes(StandardCharsets.UTF_8)), now)))
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        // an approval signed for another time than the call's signed timestamp
        assertThat(adapter.fetch(rn, new Approval.Signature(mine.certificate(), mine.sign(
                (REGNUM + "." + (now - 60)).getBytes(StandardCharsets.UTF_8)), now - 1)))
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        // another citizen's certificate approving a fetch of this one's ID card
        assertThat(adapter.fetch(rn, new Approval.Signature(someoneElses.certificate(), someoneElses.sign(
                (REGNUM + "." + (now - 2)).getBytes(StandardCharsets.UTF_8)), now - 2)))
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        // a certificate the national PKI never issued
        assertThat(adapter.fetch(rn, new Approval.Signature(unknownToTheRegistry.certificate(), unknownToTheRegistry.sign(
                (REGNUM + "." + (now - 3)).getBytes(StandardCharsets.UTF_8)), now - 3)))
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        assertThat(registry.refusedCitizenSignatures()).isEqualTo(4);
        assertThat(registry.signatureApprovals()).isZero();
    }

    @Test
    void anApprovalBySignatureWithAStaleOrAlreadyUsedTimestampIsConsentRefused() {
        // as ХУР's window: the approval's timestamp (the call's signed header) at most 5 minutes old, and used once
        SandboxPki pki = SandboxPki.generate();
        registry.certificates(pki::issued);
        IssuedCertificate mine = pki.issue(certificate(pki, REGNUM, KeyKind.EC_P256));
        RegisterNumber rn = RegisterNumber.parse(REGNUM);
        CitizenRegistry adapter = adapter(organisation);
        long stale = Instant.now().minusSeconds(360).getEpochSecond(); // inside the organisation header's 10-minute skew
        assertThat(adapter.fetch(rn, new Approval.Signature(mine.certificate(), mine.sign(
                (REGNUM + "." + stale).getBytes(StandardCharsets.UTF_8)), stale)))
                .as("a signed approval older than 5 minutes").isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        long now = Instant.now().getEpochSecond();
        Approval.Signature approval = new Approval.Signature(mine.certificate(), mine.sign(
                (REGNUM + "." + now).getBytes(StandardCharsets.UTF_8)), now);
        assertThat(adapter.fetch(rn, approval)).isInstanceOf(RegistryLookup.Found.class);
        assertThat(adapter.fetch(rn, approval)).as("the same approval presented again")
                .isEqualTo(new RegistryLookup.ConsentRefused(XypSimulator.CONSENT_REFUSED));
        assertThat(registry.signatureApprovals()).isEqualTo(1);
        assertThat(registry.refusedCitizenSignatures()).isEqualTo(2);
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

    private static CitizenCertificateRequest certificate(SandboxPki pki, String regnum, KeyKind kind) {
        return CitizenCertificateRequest.valid("token of " + regnum, regnum, "Туршилт Иргэн", kind,
                new RevocationEndpoints(URI.create("http://127.0.0.1:1/ocsp"), URI.create("http://127.0.0.1:1/crl")), Instant.now());
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
