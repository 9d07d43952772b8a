package mn.gov.khur.sandbox.pki;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x509.KeyUsage;

/** What a sandbox citizen certificate should say; {@link #valid} gives the usual one. */
public record CitizenCertificateRequest(String label, String registerNumber, String commonName, KeyKind keyKind,
                                        Instant notBefore, Instant notAfter, int keyUsage, URI ocspUri, URI crlUri) {

    public static CitizenCertificateRequest valid(String label, String registerNumber, String commonName, KeyKind keyKind,
                                                  RevocationEndpoints endpoints, Instant now) {
        return new CitizenCertificateRequest(label, registerNumber, commonName, keyKind, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(730)), KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                endpoints.ocspUri(), endpoints.crlUri());
    }

    public CitizenCertificateRequest expiredAt(Instant notAfter) {
        return new CitizenCertificateRequest(label, registerNumber, commonName, keyKind, notAfter.minus(Duration.ofDays(730)),
                notAfter, keyUsage, ocspUri, crlUri);
    }

    public CitizenCertificateRequest withKeyUsage(int usage) {
        return new CitizenCertificateRequest(label, registerNumber, commonName, keyKind, notBefore, notAfter, usage, ocspUri,
                crlUri);
    }
}
