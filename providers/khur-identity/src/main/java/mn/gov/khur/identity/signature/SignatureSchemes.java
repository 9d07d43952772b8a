package mn.gov.khur.identity.signature;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/**
 * Whether a citizen's key signed exactly the given bytes. The ESIGN client protocol does not name the algorithm, so
 * the schemes a token may use are tried in turn: RSA PKCS#1 v1.5, RSA-PSS (MGF1 with the same hash, salt = hash
 * length) and ECDSA (DER or IEEE P1363 r||s), each with SHA-256, -384 or -512. Never SHA-1, never a raw (unhashed)
 * scheme, never RSA under 2048 bits. Shared by the signature logins ({@code khur-esign}) and the registry approval
 * by signature ({@code khur-registry}), which must accept exactly the same tokens.
 */
public final class SignatureSchemes {

    private static final List<String> HASHES = List.of("SHA-256", "SHA-384", "SHA-512");
    private static final int MIN_RSA_BITS = 2048;

    private SignatureSchemes() {
    }

    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        return switch (key) {
            case RSAPublicKey rsa -> rsa.getModulus().bitLength() >= MIN_RSA_BITS && verifyRsa(rsa, data, signature);
            case ECPublicKey ec -> verifyEc(ec, data, signature);
            default -> false;
        };
    }

    private static boolean verifyRsa(RSAPublicKey key, byte[] data, byte[] signature) {
        for (String hash : HASHES) {
            String jcaHash = hash.replace("-", "");
            if (check(jca(jcaHash + "withRSA"), key, data, signature)) {
                return true;
            }
            try {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), hashLength(hash), 1));
                if (check(pss, key, data, signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // this PSS variant is not available: try the next
            }
        }
        return false;
    }

    private static boolean verifyEc(ECPublicKey key, byte[] data, byte[] signature) {
        for (String hash : HASHES) {
            String jcaHash = hash.replace("-", "");
            if (check(jca(jcaHash + "withECDSA"), key, data, signature)
                    || check(jca(jcaHash + "withECDSAinP1363Format"), key, data, signature)) {
                return true;
            }
        }
        return false;
    }

    private static Signature jca(String algorithm) {
        try {
            return Signature.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static boolean check(Signature verifier, PublicKey key, byte[] data, byte[] signature) {
        if (verifier == null) {
            return false;
        }
        try {
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // malformed signature bytes for this scheme
        }
    }

    private static int hashLength(String hash) {
        return switch (hash) {
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> 32;
        };
    }
}
