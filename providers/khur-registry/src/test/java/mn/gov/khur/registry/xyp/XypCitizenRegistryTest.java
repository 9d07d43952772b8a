package mn.gov.khur.registry.xyp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.Gender;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.registry.Approval;
import mn.gov.khur.registry.CodeDelivery;
import mn.gov.khur.registry.RegistryLookup;
import mn.gov.khur.registry.TestKeys;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The adapter against canned registry answers (the transport is a stub; the real wire to the sandbox registry is
 * XypSimulatorTest in the sandbox and the integration tests): what it sends, and how each answer maps.
 */
class XypCitizenRegistryTest {

    private static final String REGNUM = "УБ99112233";
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
    private final KeyPair organisation = TestKeys.rsa2048();
    private final List<Map<String, String>> sentHeaders = new ArrayList<>();
    private final List<String> sentBodies = new ArrayList<>();

    @Test
    void theCodeRequestIsSignedAndNamesTheServiceAndThePhone() throws Exception {
        XypCitizenRegistry registry = registry(200, answer("meta", "WS100008_registerOTPRequestResponse", 0, ""));
        CodeDelivery delivery = registry.sendOneTimeCode(RegisterNumber.parse(REGNUM), MongolianMobileNumber.tryParse("+97699112233"));
        assertThat(delivery).isEqualTo(new CodeDelivery.Sent(NOW.getEpochSecond()));
        Map<String, String> headers = sentHeaders.get(0);
        assertThat(headers).containsEntry("accessToken", "org-token").containsEntry("timestamp", Long.toString(NOW.getEpochSecond()));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(organisation.getPublic());
        rsa.update(("org-token." + NOW.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        assertThat(rsa.verify(Base64.getDecoder().decode(headers.get("signature")))).isTrue();
        assertThat(sentBodies.get(0)).contains("WS100008_registerOTPRequest").contains("<regnum>" + REGNUM + "</regnum>")
                .contains("<phoneNum>99112233</phoneNum>").contains("<isSms>1</isSms>").contains("WS100101_getCitizenIDCardInfo");
    }

    @Test
    void theFetchCarriesTheCodeAndTheCodeRequestsTimestamp() {
        XypCitizenRegistry registry = registry(200, answer("citizen", "WS100101_getCitizenIDCardInfoResponse", 0,
                "<response xmlns:t=\"http://citizen.xyp.gov.mn/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"t:citizenData\"><birthDate>1999-11-22T00:00:00+08:00</birthDate><firstname> Бат-Эрдэнэ </firstname>"
                        + "<gender>Эрэгтэй</gender><lastname>Болд</lastname><regnum>уб99112233</regnum><surname>Боржигон</surname>"
                        + "<image>AAAA</image></response>"));
        RegistryLookup answer = registry.fetch(RegisterNumber.parse(REGNUM), new Approval.OneTimeCode(123456, 1_700_000_000L));
        assertThat(sentHeaders.get(0)).containsEntry("timestamp", "1700000000");
        assertThat(sentBodies.get(0)).contains("<otp>123456</otp>").contains("<citizen>");
        assertThat(answer).isInstanceOf(RegistryLookup.Found.class);
        var record = ((RegistryLookup.Found) answer).record();
        assertThat(record.registerNumber()).as("normalised, compared by the caller").isEqualTo(REGNUM);
        assertThat(record.givenName()).isEqualTo("Бат-Эрдэнэ");
        assertThat(record.patronymic()).isEqualTo("Болд");
        assertThat(record.clanName()).isEqualTo("Боржигон");
        assertThat(record.birthDate()).isEqualTo(LocalDate.of(1999, 11, 22));
        assertThat(record.gender()).isEqualTo(Gender.MALE);
        assertThat(record.requestId()).isEqualTo("req-1");
    }

    @Test
    void theFetchBySignatureCarriesTheCertificateSerialAndTheSignatureAndIsSignedWithTheApprovalsTimestamp() throws Exception {
        KeyPair citizen = TestKeys.rsa2048();
        // top bit set: BigInteger.toByteArray() has a leading zero byte, which ХУР's example client sends as "00"
        BigInteger serial = new BigInteger("8a0b0c0d0e0f10111213141516171819", 16);
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=test"), serial, Date.from(NOW.minusSeconds(60)), Date.from(NOW.plusSeconds(3600)),
                new X500Name("CN=test"), citizen.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(citizen.getPrivate())));
        byte[] signature = {1, 2, 3, (byte) 0xff};
        XypCitizenRegistry registry = registry(200, answer("citizen", "WS100101_getCitizenIDCardInfoResponse", 401, ""));
        assertThat(registry.fetch(RegisterNumber.parse(REGNUM), new Approval.Signature(certificate, signature, 1_700_000_123L)))
                .isEqualTo(new RegistryLookup.ConsentRefused(401));
        assertThat(sentHeaders.get(0)).as("the registry reads the signed text's time from the signed header")
                .containsEntry("timestamp", "1700000123");
        assertThat(sentBodies.get(0)).contains("<certFingerprint>008a0b0c0d0e0f10111213141516171819</certFingerprint>")
                .contains("<signature>AQID/w==</signature>").contains("<regnum>" + REGNUM + "</regnum>").doesNotContain("<otp>1");
        assertThat(Approval.Signature.text(RegisterNumber.parse(REGNUM), 1_700_000_123L)).isEqualTo(REGNUM + ".1700000123");
    }

    @Test
    void resultCodesMapToClearOutcomes() {
        assertThat(fetchAnswering(100)).isEqualTo(new RegistryLookup.NotFound(100));
        assertThat(fetchAnswering(401)).isEqualTo(new RegistryLookup.ConsentRefused(401));
        assertThat(fetchAnswering(7)).as("an unknown code is never 'not found'").isEqualTo(new RegistryLookup.Unavailable("result code 7"));
        assertThat(fetchAnswering(0)).as("success without ID-card data invents nothing").isInstanceOf(RegistryLookup.Unavailable.class);
    }

    @Test
    void anythingButTheRegistrysAnswerIsUnavailable() {
        Approval code = new Approval.OneTimeCode(1, 1);
        RegisterNumber rn = RegisterNumber.parse(REGNUM);
        assertThat(registry(502, "").fetch(rn, code)).isEqualTo(new RegistryLookup.Unavailable("HTTP 502"));
        assertThat(registry(200, "<html>proxy error</html>").fetch(rn, code)).isInstanceOf(RegistryLookup.Unavailable.class);
        assertThat(registry(500, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault></soap:Body></soap:Envelope>")
                .fetch(rn, code)).isEqualTo(new RegistryLookup.Unavailable("SOAP fault: boom"));
        assertThat(registry(200, answer("meta", "WS100008_registerOTPRequestResponse", 0, "")).fetch(rn, code))
                .as("another operation's answer").isInstanceOf(RegistryLookup.Unavailable.class);
        assertThat(registry(200, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").fetch(rn, code))
                .isEqualTo(new RegistryLookup.Unavailable("not well-formed XML"));
        XypCitizenRegistry unreachable = new XypCitizenRegistry(settings(), (endpoint, headers, body) -> {
            throw new IOException("refused");
        }, () -> Optional.of(new XypCredentials("org-token", organisation.getPrivate())), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(unreachable.fetch(rn, code)).isEqualTo(new RegistryLookup.Unavailable("unreachable: IOException"));
        XypCitizenRegistry noKey = new XypCitizenRegistry(settings(), (endpoint, headers, body) -> {
            throw new AssertionError("never called without credentials");
        }, Optional::empty, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(noKey.sendOneTimeCode(rn, Optional.empty())).isEqualTo(new CodeDelivery.Unavailable("registry credentials missing"));
    }

    @Test
    void genderIsReadNeverGuessed() {
        assertThat(XypCitizenRegistry.gender("Эмэгтэй")).isEqualTo(Gender.FEMALE);
        assertThat(XypCitizenRegistry.gender(" эрэгтэй ")).isEqualTo(Gender.MALE);
        assertThat(XypCitizenRegistry.gender("?")).isNull();
    }

    private RegistryLookup fetchAnswering(int code) {
        return registry(200, answer("citizen", "WS100101_getCitizenIDCardInfoResponse", code, ""))
                .fetch(RegisterNumber.parse(REGNUM), new Approval.OneTimeCode(1, 1));
    }

    private XypCitizenRegistry registry(int status, String body) {
        return new XypCitizenRegistry(settings(), (endpoint, headers, envelope) -> {
            sentHeaders.add(headers);
            sentBodies.add(new String(envelope, StandardCharsets.UTF_8));
            return new XypTransport.Answer(status, body.getBytes(StandardCharsets.UTF_8));
        }, () -> Optional.of(new XypCredentials("org-token", organisation.getPrivate())), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static XypSettings settings() {
        return XypSettings.from(name -> null, Map.of("KHUR_REGISTRY_CITIZEN_URL", "https://xyp.example/citizen-1.5.0/ws",
                "KHUR_REGISTRY_META_URL", "https://xyp.example/meta-1.5.0/ws"));
    }

    /** A registry answer as the service would send it (test fixture text). */
    private static String answer(String service, String element, int code, String response) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><ns2:" + element
                + " xmlns:ns2=\"http://" + service + ".xyp.gov.mn/\"><return><requestId>req-1</requestId>" + response
                + "<resultCode>" + code + "</resultCode><resultMessage>m</resultMessage></return></ns2:" + element
                + "></soap:Body></soap:Envelope>";
    }
}
