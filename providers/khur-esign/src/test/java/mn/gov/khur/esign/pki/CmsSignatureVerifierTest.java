package mn.gov.khur.esign.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import mn.gov.khur.esign.nonce.LoginChallenge;
import mn.gov.khur.sandbox.mssp.MsspSimulator;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.RevocationEndpoints;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CMS SignedData from an MSSP / cloud service must sign exactly our hash, with SHA-256 or stronger. */
class CmsSignatureVerifierTest {

    private static IssuedCertificate rsa;
    private static IssuedCertificate ec;
    private static IssuedCertificate pss;
    private static final byte[] HASH = new LoginChallenge("nonce-1", "https://id.khur.gov.mn").digest();

    @BeforeAll
    static void credentials() {
        SandboxPki pki = SandboxPki.generate();
        RevocationEndpoints endpoints = new RevocationEndpoints(java.net.URI.create("http://127.0.0.1:9/ocsp"),
                java.net.URI.create("http://127.0.0.1:9/crl"));
        rsa = pki.issue(CitizenCertificateRequest.valid("rsa", "УБ99112233", "Бат Болд", KeyKind.RSA_PKCS1, endpoints, Instant.now()));
        ec = pki.issue(CitizenCertificateRequest.valid("ec", "УБ99112233", "Бат Болд", KeyKind.EC_P256, endpoints, Instant.now()));
        pss = pki.issue(CitizenCertificateRequest.valid("pss", "УБ99112233", "Бат Болд", KeyKind.RSA_PSS, endpoints, Instant.now()));
    }

    @Test
    void encapsulatedSignatureOverOurHashGivesTheSignerCertificate() throws Exception {
        for (IssuedCertificate credential : new IssuedCertificate[] {rsa, ec, pss}) {
            byte[] cms = Base64.getDecoder().decode(MsspSimulator.cms(credential, HASH));
            assertThat(CmsSignatureVerifier.verify(cms, HASH).getSerialNumber())
                    .as(credential.label()).isEqualTo(credential.certificate().getSerialNumber());
        }
    }

    @Test
    void signatureOverAnotherHashIsRefused() {
        byte[] foreign = sha256("another nonce");
        byte[] cms = Base64.getDecoder().decode(MsspSimulator.cms(ec, foreign));
        assertThat(reason(cms, HASH)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void detachedSignatureIsCheckedAgainstOurHash() throws Exception {
        byte[] detached = cms(ec, "SHA256withECDSA", HASH, false);
        assertThat(CmsSignatureVerifier.verify(detached, HASH).getSerialNumber()).isEqualTo(ec.certificate().getSerialNumber());
        assertThat(reason(detached, sha256("another nonce"))).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void tamperedSignatureIsRefused() {
        byte[] cms = Base64.getDecoder().decode(MsspSimulator.cms(rsa, HASH));
        byte[] tampered = cms.clone();
        // the RSA signature value is the last 256 bytes of this CMS (no unsigned attributes)
        tampered[tampered.length - 10] ^= 0x01;
        assertThat(reason(tampered, HASH)).isIn(RejectionReason.BAD_SIGNATURE, RejectionReason.MALFORMED);
        assertThat(reason(tampered, HASH)).isNotNull();
    }

    @Test
    void sha1IsRefused() throws Exception {
        byte[] cms = cms(rsa, "SHA1withRSA", HASH, true);
        assertThat(reason(cms, HASH)).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void garbageIsMalformedNotACrash() {
        assertThat(reason(new byte[] {1, 2, 3}, HASH)).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(new byte[0], HASH)).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reason(null, HASH)).isEqualTo(RejectionReason.MALFORMED);
    }

    private static RejectionReason reason(byte[] cms, byte[] hash) {
        try {
            CmsSignatureVerifier.verify(cms, hash);
            return null;
        } catch (CertificateRejectedException e) {
            return e.reason();
        }
    }

    private static byte[] cms(IssuedCertificate credential, String algorithm, byte[] content, boolean encapsulate) throws Exception {
        BouncyCastleProvider provider = new BouncyCastleProvider();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .setProvider(provider).build()).build(new JcaContentSignerBuilder(algorithm).setProvider(provider)
                .build(credential.keyPair().getPrivate()), credential.certificate()));
        generator.addCertificate(new JcaX509CertificateHolder(credential.certificate()));
        return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nullHashNeverPasses() {
        assertThatThrownBy(() -> CmsSignatureVerifier.verify(Base64.getDecoder().decode(MsspSimulator.cms(ec, HASH)), new byte[32]))
                .isInstanceOf(CertificateRejectedException.class);
    }
}
