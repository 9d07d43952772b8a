package mn.gov.khur.esign.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CAs we trust, from one PEM file: self-signed certificates become PKIX trust anchors, the
 * others (issuing CAs) are the only intermediates a path may use. Certificates a client sends
 * are never used to build the path, so only the configured (pinned) national CAs can vouch.
 */
public record TrustAnchors(Set<TrustAnchor> anchors, List<X509Certificate> intermediates) {

    public static TrustAnchors load(Path pemFile) throws IOException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            List<X509Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (all.isEmpty()) {
                throw new IOException("no certificate in " + pemFile);
            }
            Set<TrustAnchor> anchors = all.stream().filter(TrustAnchors::selfSigned)
                    .map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
            if (anchors.isEmpty()) {
                // only issuing CAs configured: pin them directly
                anchors = all.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
                return new TrustAnchors(anchors, List.of());
            }
            return new TrustAnchors(anchors, all.stream().filter(c -> !selfSigned(c)).toList());
        } catch (CertificateException e) {
            throw new IOException("not a PEM certificate file: " + pemFile, e);
        }
    }

    /** The configured CA that issued {@code certificate}, if any (needed for OCSP and CRL). */
    public java.util.Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return java.util.stream.Stream.concat(intermediates.stream(), anchors.stream().map(TrustAnchor::getTrustedCert))
                .filter(ca -> ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(ca -> verifiedBy(certificate, ca))
                .findFirst();
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifiedBy(c, c);
    }

    private static boolean verifiedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
