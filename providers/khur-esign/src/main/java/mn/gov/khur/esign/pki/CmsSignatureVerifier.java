package mn.gov.khur.esign.pki;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies the CMS SignedData an MSSP (ETSI TS 102 204, MSS_Format CMS-Signature) or the cloud
 * service returns: exactly one signer, whose certificate is in the SignedData; the signed content
 * (encapsulated, or detached and supplied by us) is exactly the hash we asked to be signed; the
 * signature verifies (with signed attributes, messageDigest included) under SHA-256 or stronger.
 * The certificate still has to pass {@link CertificateValidator}.
 */
public final class CmsSignatureVerifier {

    private static final Set<String> DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());
    private static final int MAX_CMS_BYTES = 64 * 1024;

    private CmsSignatureVerifier() {
    }

    /** The signer's certificate, if {@code cms} is a valid signature over exactly {@code expectedContent}. */
    public static X509Certificate verify(byte[] cms, byte[] expectedContent) throws CertificateRejectedException {
        if (cms == null || cms.length == 0 || cms.length > MAX_CMS_BYTES) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "no or oversized CMS");
        }
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(cms);
            if (signed.getSignedContent() == null) {
                signed = new CMSSignedData(new CMSProcessableByteArray(expectedContent), cms);
            } else {
                Object content = signed.getSignedContent().getContent();
                if (!(content instanceof byte[] bytes) || !MessageDigest.isEqual(bytes, expectedContent)) {
                    throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "signed content is not our hash");
                }
            }
        } catch (CertificateRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "not a CMS SignedData", e);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "expected exactly one signer");
        }
        SignerInformation signer = signers.iterator().next();
        if (!DIGESTS.contains(signer.getDigestAlgOID())) {
            throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "digest too weak: " + signer.getDigestAlgOID());
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw new CertificateRejectedException(RejectionReason.MALFORMED, "signer certificate missing from the CMS");
        }
        try {
            BouncyCastleProvider provider = new BouncyCastleProvider();
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(provider)
                    .getCertificate(matches.iterator().next());
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(certificate));
            if (!valid) {
                throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "CMS signature does not verify");
            }
            if (certificate.getPublicKey() instanceof java.security.interfaces.RSAPublicKey rsa
                    && rsa.getModulus().bitLength() < 2048) {
                throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "RSA key too short");
            }
            return CertificateValidator.parse(certificate.getEncoded());
        } catch (CertificateRejectedException e) {
            throw e;
        } catch (Exception e) {
            // wrong digest / tampered content or attributes end here too
            throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "CMS signature does not verify: " + e.getMessage(), e);
        }
    }
}
