package mn.gov.khur.esign.pki;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The fallback when OCSP gives no usable answer: the CRL from the certificate's distribution point. */
final class CrlClient {

    private final HttpFetcher http;
    private final ValidationPolicy policy;

    CrlClient(ValidationPolicy policy) {
        this.policy = policy;
        this.http = new HttpFetcher(policy.ocspTimeout());
    }

    RevocationAnswer check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        List<URI> points = distributionPoints(certificate);
        RevocationUnavailableException last = new RevocationUnavailableException("certificate names no CRL distribution point");
        for (URI point : points) {
            try {
                X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(http.get(point)));
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    throw new RevocationUnavailableException("CRL from another issuer at " + point);
                }
                crl.verify(issuer.getPublicKey());
                Instant next = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
                if (crl.getThisUpdate().toInstant().isAfter(now.plus(policy.clockSkew()))
                        || next == null || !now.isBefore(next.plus(policy.clockSkew()))) {
                    throw new RevocationUnavailableException("stale CRL at " + point);
                }
                RevocationAnswer.Status status = crl.isRevoked(certificate)
                        ? RevocationAnswer.Status.REVOKED : RevocationAnswer.Status.GOOD;
                return new RevocationAnswer(status, next, "crl " + point);
            } catch (RevocationUnavailableException e) {
                last = e;
            } catch (Exception e) {
                last = new RevocationUnavailableException("unusable CRL at " + point + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static List<URI> distributionPoints(X509Certificate certificate) throws RevocationUnavailableException {
        List<URI> uris = new ArrayList<>();
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return uris;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        uris.add(URI.create(general.getName().toString()));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new RevocationUnavailableException("malformed CRL distribution points", e);
        }
        return uris;
    }
}
