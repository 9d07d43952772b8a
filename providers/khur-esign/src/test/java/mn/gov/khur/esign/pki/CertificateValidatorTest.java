package mn.gov.khur.esign.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import mn.gov.khur.sandbox.pki.CertificateAuthority;
import mn.gov.khur.sandbox.pki.CitizenCertificateRequest;
import mn.gov.khur.sandbox.pki.IssuedCertificate;
import mn.gov.khur.sandbox.pki.KeyKind;
import mn.gov.khur.sandbox.pki.OcspMode;
import mn.gov.khur.sandbox.pki.RevocationServer;
import mn.gov.khur.sandbox.pki.SandboxPki;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation core against a fresh sandbox PKI and a real OCSP/CRL server on a free port. */
class CertificateValidatorTest {

    private static final String RN = "УБ99112233";
    @TempDir
    static Path dir;
    private static SandboxPki pki;
    private static RevocationServer revocation;
    private static ValidationPolicy policy;

    @BeforeAll
    static void pki() throws Exception {
        pki = SandboxPki.generate();
        revocation = RevocationServer.start(pki, "127.0.0.1", 0);
        policy = ValidationPolicy.defaults(pki.writeTo(dir));
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    private static CitizenCertificateRequest request(String rn) {
        return CitizenCertificateRequest.valid("t", rn, "Болд Бат", KeyKind.EC_P256, revocation.endpoints(), Instant.now());
    }

    private static ValidatedCertificate validate(IssuedCertificate credential, ValidationPolicy p) throws Exception {
        return new CertificateValidator(p, new RevocationCache()).validate(credential.certificate(), Instant.now());
    }

    private static RejectionReason rejection(IssuedCertificate credential, ValidationPolicy p) {
        try {
            validate(credential, p);
            throw new AssertionError("accepted");
        } catch (CertificateRejectedException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void validCertificateYieldsItsRegisterNumber() throws Exception {
        assertThat(validate(pki.issue(request(RN)), policy).registerNumber().value()).isEqualTo(RN);
        assertThat(validate(pki.issue(request(RN)), policy.withCrlFallback(false))).as("OCSP alone answers").isNotNull();
    }

    @Test
    void requiredPolicyPresentPassesAndAbsentFails() throws Exception {
        assertThat(validate(pki.issue(request(RN)), policy.withRequiredPolicies(
                Set.of(CertificateAuthority.SANDBOX_CITIZEN_POLICY)))).isNotNull();
        assertThat(rejection(pki.issue(request(RN)), policy.withRequiredPolicies(Set.of("1.2.3.4.5"))))
                .isEqualTo(RejectionReason.POLICY);
    }

    @Test
    void revokedExpiredUntrustedAndWrongKeyUsageAreRejected() {
        IssuedCertificate revoked = pki.issue(request(RN));
        pki.revoke(revoked.certificate());
        assertThat(rejection(revoked, policy)).isEqualTo(RejectionReason.REVOKED);
        assertThat(rejection(pki.issue(request(RN).expiredAt(Instant.now().minus(Duration.ofDays(1)))), policy))
                .isEqualTo(RejectionReason.EXPIRED);
        assertThat(rejection(pki.issueUntrusted(request(RN)), policy)).isEqualTo(RejectionReason.UNTRUSTED);
        assertThat(rejection(pki.issue(request(RN).withKeyUsage(KeyUsage.keyEncipherment)), policy))
                .isEqualTo(RejectionReason.KEY_USAGE);
    }

    @Test
    void latinLookAlikeRegisterNumberIsNotARegisterNumber() {
        // "YБ" with a Latin Y
        assertThat(rejection(pki.issue(request("YБ99112233")), policy)).isEqualTo(RejectionReason.NO_REGISTER_NUMBER);
    }

    @Test
    void responderDownFailsClosedAndGraceUsesOnlyAnEarlierGoodAnswer() throws Exception {
        IssuedCertificate fresh = pki.issue(request(RN));
        RevocationCache cache = new RevocationCache();
        revocation.mode(OcspMode.DOWN);
        try {
            assertThatThrownBy(() -> new CertificateValidator(policy, cache).validate(fresh.certificate(), Instant.now()))
                    .isInstanceOfSatisfying(CertificateRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.REVOCATION_UNAVAILABLE));
            revocation.mode(OcspMode.NORMAL);
            new CertificateValidator(policy, cache).validate(fresh.certificate(), Instant.now());
            revocation.mode(OcspMode.DOWN);
            Instant afterValidity = Instant.now().plus(Duration.ofMinutes(20));
            assertThatThrownBy(() -> new CertificateValidator(policy, cache).validate(fresh.certificate(), afterValidity))
                    .isInstanceOf(CertificateRejectedException.class);
            assertThat(new CertificateValidator(policy.withRevocationGrace(Duration.ofHours(1)), cache)
                    .validate(fresh.certificate(), afterValidity)).isNotNull();
        } finally {
            revocation.mode(OcspMode.NORMAL);
        }
    }

    @Test
    void staleForgedUnknownOrReplayedOcspAnswersAreNotBelieved() {
        ValidationPolicy ocspOnly = policy.withCrlFallback(false);
        for (OcspMode mode : new OcspMode[] {OcspMode.STALE, OcspMode.FOREIGN_SIGNER, OcspMode.WRONG_NONCE, OcspMode.UNKNOWN}) {
            revocation.mode(mode);
            try {
                assertThat(rejection(pki.issue(request(RN)), ocspOnly)).as(mode.name())
                        .isEqualTo(RejectionReason.REVOCATION_UNAVAILABLE);
            } finally {
                revocation.mode(OcspMode.NORMAL);
            }
        }
    }

    @Test
    void crlFallbackAnswersWhenOcspIsUnusable() {
        IssuedCertificate revoked = pki.issue(request(RN));
        pki.revoke(revoked.certificate());
        revocation.mode(OcspMode.OCSP_ONLY_DOWN);
        try {
            assertThat(rejection(revoked, policy)).isEqualTo(RejectionReason.REVOKED);
            assertThat(rejection(revoked, policy.withCrlFallback(false))).isEqualTo(RejectionReason.REVOCATION_UNAVAILABLE);
        } finally {
            revocation.mode(OcspMode.NORMAL);
        }
    }

    @Test
    void signaturesVerifyOnlyOverTheExactData() throws Exception {
        for (KeyKind kind : KeyKind.values()) {
            IssuedCertificate credential = pki.issue(CitizenCertificateRequest.valid("t", RN, "Болд", kind,
                    revocation.endpoints(), Instant.now()));
            byte[] data = "khur-login/v1 challenge".getBytes(StandardCharsets.UTF_8);
            byte[] signature = credential.sign(data);
            SignatureVerifier.verify(credential.certificate().getPublicKey(), data, signature);
            assertThatThrownBy(() -> SignatureVerifier.verify(credential.certificate().getPublicKey(),
                    "khur-login/v1 challengf".getBytes(StandardCharsets.UTF_8), signature)).as(kind.name())
                    .isInstanceOf(CertificateRejectedException.class);
        }
    }
}
