package mn.gov.khur.sandbox.pki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox PKI, generated fresh at every start (keys never leave the process except as the
 * files written by {@link #writeTo}): a root CA, an issuing CA that signs citizens' certificates
 * and CRLs, a delegated OCSP signer, and an unrelated "untrusted" CA. Keycloak trusts only the
 * file {@value #TRUST_ANCHORS_FILE} (root + issuing CA).
 */
public final class SandboxPki {

    public static final String TRUST_ANCHORS_FILE = "trust-anchors.pem";
    static final Duration CRL_LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final CertificateAuthority root;
    private final CertificateAuthority issuing;
    private final IssuedCertificate ocspSigner;
    private final CertificateAuthority untrustedRoot;
    private final CertificateAuthority untrustedIssuing;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, X509Certificate> issuedBySerial = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong();

    private SandboxPki(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        this.root = CertificateAuthority.selfSignedRoot("KHUR Sandbox Root CA", now);
        this.issuing = root.issueSubordinate("KHUR Sandbox Citizen CA", now);
        this.ocspSigner = issuing.issueOcspSigner("KHUR Sandbox OCSP Responder", now);
        this.untrustedRoot = CertificateAuthority.selfSignedRoot("Untrusted Sandbox Root CA", now);
        this.untrustedIssuing = untrustedRoot.issueSubordinate("Untrusted Sandbox Citizen CA", now);
    }

    public static SandboxPki generate() {
        return new SandboxPki(Clock.systemUTC());
    }

    /** Writes {@value #TRUST_ANCHORS_FILE} (what Keycloak trusts) and the CA certificates for people to read. */
    public Path writeTo(Path dir) {
        Path anchors = dir.resolve(TRUST_ANCHORS_FILE);
        Pem.write(anchors, List.of(root.certificate(), issuing.certificate()));
        Pem.write(dir.resolve("root-ca.pem"), List.of(root.certificate()));
        Pem.write(dir.resolve("issuing-ca.pem"), List.of(issuing.certificate()));
        Pem.write(dir.resolve("untrusted-ca.pem"), List.of(untrustedRoot.certificate(), untrustedIssuing.certificate()));
        return anchors;
    }

    public IssuedCertificate issue(CitizenCertificateRequest request) {
        IssuedCertificate issued = issuing.issueCitizen(request);
        issuedBySerial.put(issued.certificate().getSerialNumber(), issued.certificate());
        return issued;
    }

    /** A citizen certificate the issuing CA issued, by serial number: the national PKI's directory the registry reads. */
    public Optional<X509Certificate> issued(BigInteger serial) {
        return Optional.ofNullable(issuedBySerial.get(serial));
    }

    /** Same subject and extensions, but from a CA that no trust-anchor file contains. */
    public IssuedCertificate issueUntrusted(CitizenCertificateRequest request) {
        return untrustedIssuing.issueCitizen(request);
    }

    public void revoke(X509Certificate certificate) {
        revoked.put(certificate.getSerialNumber(), clock.instant().minusSeconds(60));
    }

    public Optional<Instant> revokedAt(BigInteger serial) {
        return Optional.ofNullable(revoked.get(serial));
    }

    public X509CRL currentCrl() {
        return issuing.crl(Map.copyOf(revoked), clock.instant().minusSeconds(5), CRL_LIFETIME, crlNumber.incrementAndGet());
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    CertificateAuthority issuingCa() {
        return issuing;
    }

    IssuedCertificate ocspSigner() {
        return ocspSigner;
    }

    /** Signs OCSP responses with a key the issuing CA never certified: a forged responder. */
    IssuedCertificate foreignOcspSigner() {
        return untrustedIssuing.issueOcspSigner("Forged OCSP Responder", clock.instant());
    }

    Clock clock() {
        return clock;
    }
}
