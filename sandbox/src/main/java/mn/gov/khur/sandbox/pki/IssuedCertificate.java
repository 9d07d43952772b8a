package mn.gov.khur.sandbox.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** A certificate with its private key, as a sandbox token or service holds it. */
public record IssuedCertificate(String label, X509Certificate certificate, KeyPair keyPair, KeyKind keyKind) {

    /** Signs with the token's scheme, as the ESIGN client, the SIM or the cloud service would. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(keyKind.signatureAlgorithm(), new BouncyCastleProvider());
            signature.initSign(keyPair.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
