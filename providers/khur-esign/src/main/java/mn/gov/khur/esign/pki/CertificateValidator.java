package mn.gov.khur.esign.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import mn.gov.khur.identity.signature.CertificateRegisterNumber;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The shared certificate check of all three signature methods: a PKIX path to a configured trust
 * anchor at the time of use, validity, key usage fit for authentication (digitalSignature; EKU,
 * when present, must allow clientAuth), the configured certificate policies, revocation (see
 * {@link RevocationChecker}), and a register number in the subject.
 */
public final class CertificateValidator {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final String ANY_EKU = "2.5.29.37.0";

    private final ValidationPolicy policy;
    private final RevocationCache cache;

    public CertificateValidator(ValidationPolicy policy, RevocationCache cache) {
        this.policy = policy;
        this.cache = cache;
    }

    public static X509Certificate parse(byte[] der) throws CertificateRejectedException {
        try {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(der));
            if (certificates.size() != 1) {
                throw new CertificateRejectedException(RejectionReason.MALFORMED, "expected one certificate");
            }
            return (X509Certificate) certificates.iterator().next();
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "not an X.509 certificate", e);
        }
    }

    public ValidatedCertificate validate(X509Certificate certificate, Instant now) throws CertificateRejectedException {
        checkValidity(certificate, now);
        checkKeyUsage(certificate);
        TrustAnchors trust = loadTrust();
        buildPath(certificate, trust, now);
        checkPolicies(certificate);
        X509Certificate issuer = trust.issuerOf(certificate).orElseThrow(() ->
                new CertificateRejectedException(RejectionReason.UNTRUSTED, "issuer is not a configured CA"));
        new RevocationChecker(policy, cache).requireNotRevoked(certificate, issuer, now);
        return new ValidatedCertificate(certificate, CertificateRegisterNumber.of(certificate).orElseThrow(() ->
                new CertificateRejectedException(RejectionReason.NO_REGISTER_NUMBER,
                        "subject must carry exactly one serialNumber holding a register number")));
    }

    private static void checkValidity(X509Certificate certificate, Instant now) throws CertificateRejectedException {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new CertificateRejectedException(RejectionReason.EXPIRED, "expired " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CertificateRejectedException(RejectionReason.NOT_YET_VALID, "valid from " + certificate.getNotBefore());
        }
    }

    private static void checkKeyUsage(X509Certificate certificate) throws CertificateRejectedException {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE]) {
            throw new CertificateRejectedException(RejectionReason.KEY_USAGE, "digitalSignature key usage missing");
        }
        if (certificate.getBasicConstraints() >= 0) {
            throw new CertificateRejectedException(RejectionReason.KEY_USAGE, "a CA certificate cannot log in");
        }
        try {
            List<String> eku = certificate.getExtendedKeyUsage();
            if (eku != null && !eku.contains(KeyPurposeId.id_kp_clientAuth.getId()) && !eku.contains(ANY_EKU)) {
                throw new CertificateRejectedException(RejectionReason.KEY_USAGE, "extended key usage excludes clientAuth");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "unreadable extended key usage", e);
        }
    }

    private TrustAnchors loadTrust() throws CertificateRejectedException {
        try {
            return TrustAnchors.load(policy.trustAnchorsFile());
        } catch (IOException e) {
            // our configuration, not the citizen's certificate: fail closed, do not count
            throw new CertificateRejectedException(RejectionReason.REVOCATION_UNAVAILABLE,
                    "trust anchors unreadable: " + e.getMessage(), e);
        }
    }

    private void buildPath(X509Certificate certificate, TrustAnchors trust, Instant now) throws CertificateRejectedException {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.anchors(), target);
            parameters.setDate(Date.from(now));
            parameters.setRevocationEnabled(false); // our own OCSP/CRL check follows, with nonce and freshness
            var pool = new java.util.ArrayList<X509Certificate>(trust.intermediates());
            pool.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (CertPathBuilderException e) {
            throw new CertificateRejectedException(RejectionReason.UNTRUSTED, "no path to a trust anchor: " + e.getMessage(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw new CertificateRejectedException(RejectionReason.UNTRUSTED, "path building failed: " + e.getMessage(), e);
        }
    }

    /**
     * The citizen certificate itself must name one of the configured policies. Checked on the
     * certificate rather than by PKIX policy processing, which would also demand policy
     * extensions in every CA certificate of the national chain.
     */
    private void checkPolicies(X509Certificate certificate) throws CertificateRejectedException {
        if (policy.requiredPolicies().isEmpty()) {
            return;
        }
        byte[] extension = certificate.getExtensionValue(org.bouncycastle.asn1.x509.Extension.certificatePolicies.getId());
        try {
            if (extension != null) {
                var policies = org.bouncycastle.asn1.x509.CertificatePolicies.getInstance(
                        org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets());
                for (var info : policies.getPolicyInformation()) {
                    if (policy.requiredPolicies().contains(info.getPolicyIdentifier().getId())) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "unreadable certificate policies", e);
        }
        throw new CertificateRejectedException(RejectionReason.POLICY, "none of the required certificate policies");
    }
}
