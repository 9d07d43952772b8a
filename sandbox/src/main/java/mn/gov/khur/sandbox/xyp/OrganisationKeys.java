package mn.gov.khur.sandbox.xyp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The organisation's ХУР credentials in the sandbox: an RSA key pair (the registry checks the public half, Keycloak
 * signs with the private half from its vault) and an access token. {@link #vaultEntries} are the entries of
 * Keycloak's file vault (realm {@code khur}) that the registry adapter reads by default.
 */
public record OrganisationKeys(KeyPair keyPair, String accessToken) {

    public static final String SIGNING_KEY_ENTRY = "khur-xyp-signing-key";
    public static final String ACCESS_TOKEN_ENTRY = "khur-xyp-access-token";

    public static OrganisationKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            return new OrganisationKeys(generator.generateKeyPair(), "sandbox-" + HexFormat.of().formatHex(token));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The credentials kept in a file vault directory ({@code <realm>_<entry>} files), created there on first use:
     * bin/dev keeps the same organisation across restarts.
     */
    public static OrganisationKeys inVault(Path vaultDir, String realm) {
        Path key = vaultDir.resolve(realm + "_" + SIGNING_KEY_ENTRY);
        Path token = vaultDir.resolve(realm + "_" + ACCESS_TOKEN_ENTRY);
        try {
            if (Files.exists(key) && Files.exists(token)) {
                return new OrganisationKeys(read(Files.readString(key)), Files.readString(token).strip());
            }
            OrganisationKeys keys = generate();
            Files.createDirectories(vaultDir);
            for (Map.Entry<String, String> entry : keys.vaultEntries().entrySet()) {
                Files.writeString(vaultDir.resolve(realm + "_" + entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vault entry name → content: the PKCS#8 PEM private key and the access token. */
    public Map<String, String> vaultEntries() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keyPair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return Map.of(SIGNING_KEY_ENTRY, pem, ACCESS_TOKEN_ENTRY, accessToken);
    }

    private static KeyPair read(String pem) {
        try {
            String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                    privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sandbox organisation key in the vault is unreadable", e);
        }
    }
}
