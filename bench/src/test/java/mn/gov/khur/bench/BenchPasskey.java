package mn.gov.khur.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A software passkey in the load generator: what a phone's platform authenticator returns to
 * navigator.credentials.get() (WebAuthn Level 3 §6.1, §6.3.3), with the JDK's own crypto: an ES256 (P-256) key,
 * authenticator data {@code SHA-256(rpId) ‖ flags UP|UV ‖ signCount 0} (a synced passkey keeps no counter), the
 * client data JSON the browser would write, and an ECDSA signature over {@code authData ‖ SHA-256(clientData)}.
 * Keycloak verifies it with its webauthn4j exactly as it verifies a browser's (the integration tests use
 * webauthn4j's own emulator and Chromium's virtual authenticator against the same server code).
 */
final class BenchPasskey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte FLAGS_UP_UV = 0x05;

    private final KeyPair keys;
    private final byte[] credentialId;
    private volatile String userId;

    private BenchPasskey(KeyPair keys, byte[] credentialId) {
        this.keys = keys;
        this.credentialId = credentialId;
    }

    static BenchPasskey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            byte[] id = new byte[32];
            RANDOM.nextBytes(id);
            return new BenchPasskey(generator.generateKeyPair(), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void boundTo(String keycloakUserId) {
        this.userId = keycloakUserId;
    }

    /** Keycloak's stored form of a passwordless WebAuthn credential ({@code WebAuthnCredentialData}), as a realm export has it. */
    Map<String, Object> credentialRepresentation(String label) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aaguid", "00000000-0000-0000-0000-000000000000");
        data.put("credentialId", Base64.getEncoder().encodeToString(credentialId));
        data.put("counter", 0);
        data.put("attestationStatement", null);
        data.put("credentialPublicKey", B64URL.encodeToString(coseKey()));
        data.put("attestationStatementFormat", "none");
        data.put("transports", java.util.List.of("internal"));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("type", "webauthn-passwordless");
        credential.put("userLabel", label);
        try {
            credential.put("credentialData", JSON.writeValueAsString(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        credential.put("secretData", "{}");
        return credential;
    }

    /** The form fields the entry page's script posts (form #webauth) for this challenge. */
    Map<String, String> assertion(String challenge, String rpId, String origin) {
        try {
            byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                    + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream authData = new ByteArrayOutputStream(37);
            authData.write(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
            authData.write(FLAGS_UP_UV);
            authData.write(new byte[4]);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(authData.toByteArray());
            ecdsa.update(sha256(clientData));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("clientDataJSON", B64URL.encodeToString(clientData));
            fields.put("authenticatorData", B64URL.encodeToString(authData.toByteArray()));
            fields.put("signature", B64URL.encodeToString(ecdsa.sign()));
            fields.put("credentialId", B64URL.encodeToString(credentialId));
            fields.put("userHandle", B64URL.encodeToString(userId.getBytes(StandardCharsets.UTF_8)));
            fields.put("error", "");
            return fields;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COSE_Key (RFC 9053) of the public key, CBOR: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream cbor = new ByteArrayOutputStream(77);
        cbor.writeBytes(new byte[] {(byte) 0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        cbor.writeBytes(unsigned32(key.getW().getAffineX()));
        cbor.writeBytes(new byte[] {0x22, 0x58, 0x20});
        cbor.writeBytes(unsigned32(key.getW().getAffineY()));
        return cbor.toByteArray();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
