package mn.gov.khur.esign.pki;

import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks an OCSP responder (RFC 6960) about one certificate and believes the answer only if it is
 * signed by the issuing CA or by a responder certificate that CA issued for OCSP signing, echoes
 * our fresh nonce, and is fresh (thisUpdate within max age, nextUpdate not passed).
 */
final class OcspClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ValidationPolicy policy;
    private final HttpFetcher http;

    OcspClient(ValidationPolicy policy) {
        this.policy = policy;
        this.http = new HttpFetcher(policy.ocspTimeout());
    }

    RevocationAnswer check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        URI responder = policy.ocspUrlOverride() != null ? policy.ocspUrlOverride() : aiaOcspUri(certificate);
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer),
                    certificate.getSerialNumber());
            byte[] nonce = new byte[32];
            RANDOM.nextBytes(nonce);
            OCSPReq request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                    new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new DEROctetString(nonce).getEncoded())))).build(); // RFC 8954: OCTET STRING in extnValue
            OCSPResp response = new OCSPResp(http.post(responder, "application/ocsp-request", request.getEncoded()));
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationUnavailableException("OCSP status " + response.getStatus() + " from " + responder);
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            verifySigner(basic, issuer, now);
            verifyNonce(basic, nonce);
            SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(id)).findFirst()
                    .orElseThrow(() -> new RevocationUnavailableException("OCSP response is about another certificate"));
            Instant validUntil = freshUntil(single, now);
            return new RevocationAnswer(status(single.getCertStatus()), validUntil, "ocsp " + responder);
        } catch (RevocationUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new RevocationUnavailableException("unusable OCSP response from " + responder + ": " + e.getMessage(), e);
        }
    }

    private Instant freshUntil(SingleResp single, Instant now) throws RevocationUnavailableException {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(policy.clockSkew()))) {
            throw new RevocationUnavailableException("OCSP thisUpdate is in the future");
        }
        Instant maxAgeEnd = thisUpdate.plus(policy.ocspMaxAge());
        Date next = single.getNextUpdate();
        Instant validUntil = next == null ? maxAgeEnd : min(next.toInstant().plus(policy.clockSkew()), maxAgeEnd);
        if (!now.isBefore(validUntil)) {
            throw new RevocationUnavailableException("stale OCSP response (thisUpdate " + thisUpdate + ")");
        }
        return validUntil;
    }

    private static RevocationAnswer.Status status(CertificateStatus status) {
        if (status == CertificateStatus.GOOD) {
            return RevocationAnswer.Status.GOOD;
        }
        return status instanceof RevokedStatus ? RevocationAnswer.Status.REVOKED : RevocationAnswer.Status.UNKNOWN;
    }

    private static void verifyNonce(BasicOCSPResp basic, byte[] nonce) throws RevocationUnavailableException {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            throw new RevocationUnavailableException("OCSP response without our nonce (possible replay)");
        }
        byte[] value = ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets();
        if (!java.security.MessageDigest.isEqual(value, nonce)) {
            throw new RevocationUnavailableException("OCSP response carries another nonce (possible replay)");
        }
    }

    /** RFC 6960 §4.2.2.2: the CA itself, or a certificate it issued with id-kp-OCSPSigning. */
    private static void verifySigner(BasicOCSPResp basic, X509Certificate issuer, Instant now) throws Exception {
        var verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            List<String> eku = responder.getExtendedKeyUsage();
            boolean delegated = eku != null && eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                    && responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
            if (!delegated) {
                continue;
            }
            try {
                responder.verify(issuer.getPublicKey());
                responder.checkValidity(Date.from(now));
            } catch (Exception e) {
                continue;
            }
            if (basic.isSignatureValid(verifiers.build(responder.getPublicKey()))) {
                return;
            }
        }
        throw new RevocationUnavailableException("OCSP response not signed by the issuing CA or its responder");
    }

    static URI aiaOcspUri(X509Certificate certificate) throws RevocationUnavailableException {
        try {
            byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
            if (extension != null) {
                AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                        ASN1OctetString.getInstance(extension).getOctets());
                for (AccessDescription description : aia.getAccessDescriptions()) {
                    GeneralName location = description.getAccessLocation();
                    if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                            && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        return URI.create(location.getName().toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new RevocationUnavailableException("malformed AIA extension", e);
        }
        throw new RevocationUnavailableException("certificate names no OCSP responder");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
