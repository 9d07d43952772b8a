package mn.gov.khur.sandbox.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * The key and signature schemes the sandbox tokens use, so that every scheme the server must
 * verify (RSA PKCS#1 v1.5, RSA-PSS, ECDSA; SHA-256 or stronger) is exercised.
 */
public enum KeyKind {
    RSA_PKCS1("RSA", "SHA256withRSA"),
    RSA_PSS("RSA", "SHA256withRSAandMGF1"),
    EC_P256("EC", "SHA256withECDSA");

    private final String keyAlgorithm;
    private final String signatureAlgorithm;

    KeyKind(String keyAlgorithm, String signatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA (Bouncy Castle) name a token signs with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecP256() {
        return EC_P256.generate();
    }
}
