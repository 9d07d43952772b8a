package mn.gov.khur.registry.xyp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The organisation's proof on every call, as ХУР requires it: HTTP headers {@code accessToken}, {@code timestamp}
 * (Unix seconds) and {@code signature} = Base64(RSA-SHA256 over the bytes {@code <accessToken>.<timestamp>}) with
 * the organisation's key. The signature covers neither the body nor the operation: only TLS protects those.
 */
public final class XypRequestSigner {

    public static final String ACCESS_TOKEN = "accessToken";
    public static final String TIMESTAMP = "timestamp";
    public static final String SIGNATURE = "signature";

    private XypRequestSigner() {
    }

    public static Map<String, String> headers(String accessToken, long timestamp, PrivateKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signedText(accessToken, timestamp).getBytes(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(ACCESS_TOKEN, accessToken);
            headers.put(TIMESTAMP, Long.toString(timestamp));
            headers.put(SIGNATURE, Base64.getEncoder().encodeToString(rsa.sign()));
            return headers;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the registry key: " + e.getClass().getSimpleName(), e);
        }
    }

    public static String signedText(String accessToken, long timestamp) {
        return accessToken + "." + timestamp;
    }

    /** An RSA private key from PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), as the registry hands it out. */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the registry signing key is not an RSA PKCS#8 PEM key", e);
        }
    }
}
