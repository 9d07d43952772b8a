package mn.gov.khur.esign.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;

import mn.gov.khur.esign.metrics.EsignMetrics;

import org.jboss.logging.Logger;

/**
 * Revocation status of a certificate: a cached verified answer while it is valid, else OCSP,
 * else (if enabled) the CRL. With no usable answer it fails closed, except that a cached
 * "good" answer may be used for the configured grace after its validity ended.
 */
final class RevocationChecker {

    private static final Logger LOG = Logger.getLogger(RevocationChecker.class);
    private final ValidationPolicy policy;
    private final RevocationCache cache;

    RevocationChecker(ValidationPolicy policy, RevocationCache cache) {
        this.policy = policy;
        this.cache = cache;
    }

    void requireNotRevoked(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws CertificateRejectedException {
        var cached = cache.get(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
        if (cached.isPresent() && cached.get().usableAt(now)) {
            judge(cached.get());
            return;
        }
        RevocationAnswer answer;
        try {
            answer = fetch(certificate, issuer, now);
        } catch (RevocationUnavailableException e) {
            LOG.warnf("Revocation status unavailable for serial %s: %s", certificate.getSerialNumber(), e.getMessage());
            if (cached.isPresent() && cached.get().status() == RevocationAnswer.Status.GOOD
                    && now.isBefore(cached.get().validUntil().plus(policy.revocationGrace()))) {
                LOG.warnf("Using a cached good answer within the revocation grace for serial %s", certificate.getSerialNumber());
                return;
            }
            throw new CertificateRejectedException(RejectionReason.REVOCATION_UNAVAILABLE, e.getMessage(), e);
        }
        if (answer.status() != RevocationAnswer.Status.UNKNOWN) {
            cache.put(certificate.getIssuerX500Principal(), certificate.getSerialNumber(), answer, now,
                    policy.revocationGrace());
        }
        judge(answer);
    }

    private RevocationAnswer fetch(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        try {
            // a signed "unknown" is an answer, not an outage: it fails closed without asking the CRL
            return counted("ocsp", new OcspClient(policy).check(certificate, issuer, now));
        } catch (RevocationUnavailableException e) {
            EsignMetrics.revocationChecked("ocsp", "unavailable");
            if (!policy.crlFallback()) {
                throw e;
            }
            LOG.infof("OCSP unusable (%s); trying the CRL", e.getMessage());
        }
        try {
            return counted("crl", new CrlClient(policy).check(certificate, issuer, now));
        } catch (RevocationUnavailableException e) {
            EsignMetrics.revocationChecked("crl", "unavailable");
            throw e;
        }
    }

    private static RevocationAnswer counted(String source, RevocationAnswer answer) {
        EsignMetrics.revocationChecked(source, answer.status().name().toLowerCase(java.util.Locale.ROOT));
        return answer;
    }

    private static void judge(RevocationAnswer answer) throws CertificateRejectedException {
        switch (answer.status()) {
            case GOOD -> { }
            case REVOKED -> throw new CertificateRejectedException(RejectionReason.REVOKED, "revoked per " + answer.source());
            case UNKNOWN -> throw new CertificateRejectedException(RejectionReason.REVOCATION_UNAVAILABLE,
                    "status unknown per " + answer.source());
        }
    }
}
