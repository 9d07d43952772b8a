package mn.gov.khur.esign.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.esign.pki.CmsSignatureVerifier;
import mn.gov.khur.esign.push.VerificationCode;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.mssp.MsspSimulator.Behaviour;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ETSI TS 102 204 JSON adapter against the sandbox MSSP on a free port. */
class MsspClientTest {

    private static final String PHONE = "+97699001122";
    private static MsspSimulator mssp;
    private static MsspClient client;
    private static IssuedCertificate sim;
    private final byte[] hash = new LoginChallenge("n-" + System.nanoTime(), "https://id.khur.gov.mn").digest();

    @BeforeAll
    static void start() throws Exception {
        mssp = MsspSimulator.start("127.0.0.1", 0, "ap", "secret");
        client = new MsspClient(mssp.baseUri(), "ap", "secret", EsignSimConfig.DEFAULT_PROFILE, Duration.ofSeconds(5));
        sim = SandboxPki.generate().issue(CitizenCertificateRequest.valid("sim", "УБ99112233", "Бат Болд", KeyKind.EC_P256,
                new RevocationEndpoints(URI.create("http://127.0.0.1:9/ocsp"), URI.create("http://127.0.0.1:9/crl")),
                Instant.now()));
        mssp.register(PHONE, sim);
    }

    @AfterAll
    static void stop() {
        mssp.close();
    }

    @Test
    void approvedRequestIsOutstandingThenReturnsCmsOverOurHash() throws Exception {
        mssp.behaviour(PHONE, Behaviour.APPROVE);
        MsspClient.Answer accepted = client.requestSignature(PHONE, hash, "Код: " + VerificationCode.of(hash));
        assertThat(accepted.accepted()).isTrue();
        assertThat(mssp.lastDisplayedText(PHONE)).contains(VerificationCode.of(hash));
        assertThat(client.queryStatus(accepted.transactionId()).outstanding()).isTrue();
        MsspClient.Answer signed = client.queryStatus(accepted.transactionId());
        assertThat(signed.signed()).isTrue();
        assertThat(CmsSignatureVerifier.verify(signed.cms(), hash).getSerialNumber()).isEqualTo(sim.certificate().getSerialNumber());
    }

    @Test
    void declineTimeoutAndUnknownSubscriberMapToEtsiCodes() throws Exception {
        mssp.behaviour(PHONE, Behaviour.DECLINE);
        String declined = client.requestSignature(PHONE, hash, "x").transactionId();
        assertThat(client.queryStatus(declined).status()).isEqualTo(MsspStatus.USER_CANCEL);

        mssp.behaviour(PHONE, Behaviour.TIMEOUT);
        mssp.transactionLifetime(Duration.ofMillis(300));
        try {
            String waiting = client.requestSignature(PHONE, hash, "x").transactionId();
            assertThat(client.queryStatus(waiting).outstanding()).isTrue();
            Thread.sleep(500);
            assertThat(client.queryStatus(waiting).status()).isEqualTo(MsspStatus.EXPIRED_TRANSACTION);
        } finally {
            mssp.transactionLifetime(Duration.ofSeconds(120));
        }

        MsspClient.Answer unknown = client.requestSignature("+97688000000", hash, "x");
        assertThat(unknown.accepted()).isFalse();
        assertThat(unknown.status()).isEqualTo(MsspStatus.UNKNOWN_CLIENT);
    }

    @Test
    void forgedAnswerFailsCmsVerification() throws Exception {
        mssp.behaviour(PHONE, Behaviour.FORGED);
        String id = client.requestSignature(PHONE, hash, "x").transactionId();
        MsspClient.Answer forged = client.queryStatus(id);
        assertThat(forged.signed()).isTrue();
        assertThatThrownBy(() -> CmsSignatureVerifier.verify(forged.cms(), hash))
                .isInstanceOf(mn.gov.khur.esign.pki.CertificateRejectedException.class);
    }

    @Test
    void wrongApCredentialsAreRefused() throws Exception {
        MsspClient intruder = new MsspClient(mssp.baseUri(), "ap", "wrong", EsignSimConfig.DEFAULT_PROFILE, Duration.ofSeconds(5));
        assertThat(intruder.requestSignature(PHONE, hash, "x").status()).isEqualTo(MsspStatus.UNAUTHORIZED_ACCESS);
    }

    @Test
    void unreachableMsspIsUnavailableNotACrash() {
        MsspClient down = new MsspClient(URI.create("http://127.0.0.1:9/mssp"), "ap", "secret", "p", Duration.ofSeconds(1));
        assertThatThrownBy(() -> down.requestSignature(PHONE, hash, "x")).isInstanceOf(MsspClient.MsspUnavailableException.class);
    }

    @Test
    void verificationCodeIsFourDigitsAndFollowsTheHash() {
        byte[] other = new LoginChallenge("other", "https://id.khur.gov.mn").digest();
        assertThat(VerificationCode.of(hash)).matches("\\d{4}");
        assertThat(VerificationCode.of(hash)).isEqualTo(VerificationCode.of(hash.clone()));
        assertThat(VerificationCode.of(other)).matches("\\d{4}");
    }
}
