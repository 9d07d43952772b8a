package mn.gov.khur.esign.pki;

import java.security.PublicKey;

import mn.gov.khur.identity.signature.SignatureSchemes;

/**
 * Verifies a signature over exactly the given bytes with the certificate's key, in any scheme a token may use
 * ({@link SignatureSchemes}: RSA PKCS#1 v1.5, RSA-PSS, ECDSA DER or P1363; SHA-256/384/512; never SHA-1, never raw).
 */
public final class SignatureVerifier {

    private SignatureVerifier() {
    }

    public static void verify(PublicKey key, byte[] data, byte[] signature) throws CertificateRejectedException {
        if (!SignatureSchemes.verifies(key, data, signature)) {
            throw new CertificateRejectedException(RejectionReason.BAD_SIGNATURE, "signature does not verify over the challenge");
        }
    }
}
