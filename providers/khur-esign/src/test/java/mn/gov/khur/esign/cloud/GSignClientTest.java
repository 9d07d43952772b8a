package mn.gov.khur.esign.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.pki.CertificateRejectedException;
import mn.gov.khur.esign.pki.CertificateValidator;
import mn.gov.khur.esign.pki.SignatureVerifier;
import mn.gov.khur.esign.push.PushSignatureService.PushAnswer;
import mn.gov.khur.esign.push.PushSignatureService.PushUnavailableException;
import mn.gov.khur.sandbox.gsign.GSignSimulator;
import mn.gov.khur.sandbox.gsign.GSignSimulator.Behaviour;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Smart-ID-style GSign adapter against the sandbox GSign on a free port. */
class GSignClientTest {

    private static final String RSA_RN = "УБ99112233";
    private static final String EC_RN = "УБ88112233";
    private static final MongolianMobileNumber PHONE = MongolianMobileNumber.parse("99001122");
    private static GSignSimulator gsign;
    private static GSignClient client;
    private final LoginChallenge challenge = new LoginChallenge("n-" + System.nanoTime(), "https://id.khur.gov.mn");

    @BeforeAll
    static void start() throws Exception {
        gsign = GSignSimulator.start("127.0.0.1", 0, "rp-uuid");
        client = new GSignClient(gsign.baseUri(), "rp-uuid", "KHUR", Duration.ofSeconds(5));
        SandboxPki pki = SandboxPki.generate();
        RevocationEndpoints endpoints = new RevocationEndpoints(URI.create("http://127.0.0.1:9/ocsp"), URI.create("http://127.0.0.1:9/crl"));
        gsign.register(RSA_RN, PHONE.e164(), pki.issue(CitizenCertificateRequest.valid("rsa", RSA_RN, "Бат Болд",
                KeyKind.RSA_PKCS1, endpoints, Instant.now())));
        gsign.register(EC_RN, PHONE.e164(), pki.issue(CitizenCertificateRequest.valid("ec", EC_RN, "Бат Болд",
                KeyKind.EC_P256, endpoints, Instant.now())));
    }

    @AfterAll
    static void stop() {
        gsign.close();
    }

    @Test
    void semanticIdentifierIsPnoMn() {
        assertThat(GSignClient.semanticIdentifier(RegisterNumber.parse(RSA_RN))).isEqualTo("PNOMN-" + RSA_RN);
    }

    @Test
    void approvedSessionRunsThenReturnsASignatureOverTheChallenge() throws Exception {
        for (String rn : new String[] {RSA_RN, EC_RN}) {
            gsign.behaviour(rn, Behaviour.APPROVE);
            PushAnswer started = client.start(RegisterNumber.parse(rn), PHONE, challenge.digest(), "Код: 1234");
            assertThat(started).isInstanceOf(PushAnswer.Accepted.class);
            assertThat(gsign.lastDisplayedText(rn)).contains("1234");
            String id = ((PushAnswer.Accepted) started).transactionId();
            assertThat(client.poll(id)).isInstanceOf(PushAnswer.Outstanding.class);
            PushAnswer.SignedRaw signed = (PushAnswer.SignedRaw) client.poll(id);
            var certificate = CertificateValidator.parse(signed.certificateDer());
            // the hash-signature is a SHA-256-with signature over the challenge string itself
            SignatureVerifier.verify(certificate.getPublicKey(), challenge.dataToSign().getBytes(StandardCharsets.UTF_8),
                    signed.signature());
            LoginChallenge other = new LoginChallenge("other", "https://id.khur.gov.mn");
            assertThatThrownBy(() -> SignatureVerifier.verify(certificate.getPublicKey(),
                    other.dataToSign().getBytes(StandardCharsets.UTF_8), signed.signature()))
                    .isInstanceOf(CertificateRejectedException.class);
        }
    }

    @Test
    void declineTimeoutForgedAndUnknownAccount() throws Exception {
        gsign.behaviour(EC_RN, Behaviour.DECLINE);
        String declined = ((PushAnswer.Accepted) client.start(RegisterNumber.parse(EC_RN), PHONE, challenge.digest(), "x")).transactionId();
        assertThat(client.poll(declined)).isEqualTo(new PushAnswer.Refused("khurEsignCancelled", "user_cancel"));

        gsign.behaviour(EC_RN, Behaviour.TIMEOUT);
        gsign.sessionLifetime(Duration.ofMillis(300));
        try {
            String waiting = ((PushAnswer.Accepted) client.start(RegisterNumber.parse(EC_RN), PHONE, challenge.digest(), "x"))
                    .transactionId();
            assertThat(client.poll(waiting)).isInstanceOf(PushAnswer.Outstanding.class);
            Thread.sleep(500);
            assertThat(client.poll(waiting)).isEqualTo(new PushAnswer.Refused("khurEsignPushTimeout", "timeout"));
        } finally {
            gsign.sessionLifetime(Duration.ofSeconds(120));
        }

        gsign.behaviour(EC_RN, Behaviour.FORGED);
        String forgedId = ((PushAnswer.Accepted) client.start(RegisterNumber.parse(EC_RN), PHONE, challenge.digest(), "x")).transactionId();
        PushAnswer.SignedRaw forged = (PushAnswer.SignedRaw) client.poll(forgedId);
        assertThatThrownBy(() -> SignatureVerifier.verify(CertificateValidator.parse(forged.certificateDer()).getPublicKey(),
                challenge.dataToSign().getBytes(StandardCharsets.UTF_8), forged.signature()))
                .isInstanceOf(CertificateRejectedException.class);

        assertThat(client.start(RegisterNumber.parse("УБ77112233"), PHONE, challenge.digest(), "x"))
                .isEqualTo(new PushAnswer.NoSigningKey("unknown_account"));
        assertThat(client.start(RegisterNumber.parse(RSA_RN), MongolianMobileNumber.parse("88112233"), challenge.digest(), "x"))
                .as("account bound to another phone").isEqualTo(new PushAnswer.NoSigningKey("unknown_account"));
    }

    @Test
    void wrongRelyingPartyOrUnreachableServiceIsUnavailable() {
        GSignClient intruder = new GSignClient(gsign.baseUri(), "not-ours", "X", Duration.ofSeconds(5));
        assertThatThrownBy(() -> intruder.start(RegisterNumber.parse(RSA_RN), PHONE, challenge.digest(), "x"))
                .isInstanceOf(PushUnavailableException.class);
        GSignClient down = new GSignClient(URI.create("http://127.0.0.1:9/v2"), "rp-uuid", "X", Duration.ofSeconds(1));
        assertThatThrownBy(() -> down.start(RegisterNumber.parse(RSA_RN), PHONE, challenge.digest(), "x"))
                .isInstanceOf(PushUnavailableException.class);
    }
}
