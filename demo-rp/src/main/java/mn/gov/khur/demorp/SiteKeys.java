package mn.gov.khur.demorp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The keys of a {@code khur-fapi2} site: the signing key of its client assertions ({@code private_key_jwt}), kept in a
 * file so that it survives restarts (ХУР caches the site's JWKS), and a DPoP key that binds the tokens to this process.
 * Only the public half of the signing key is ever shown ({@code /jwks.json}).
 * <p>
 * To rotate: publish a new key next to the old one in the JWKS, start signing with the new one, remove the old one
 * later. ХУР re-reads the JWKS when an assertion names a key id it does not know.
 */
final class SiteKeys {

    private final ECKey signingKey;
    private final ECKey dpopKey;

    private SiteKeys(ECKey signingKey, ECKey dpopKey) {
        this.signingKey = signingKey;
        this.dpopKey = dpopKey;
    }

    /** Reads the signing key from {@code file}, or creates it there (readable by the owner only). */
    static SiteKeys loadOrCreate(Path file) throws IOException {
        try {
            ECKey signing;
            if (Files.exists(file)) {
                signing = ECKey.parse(Files.readString(file));
            } else {
                signing = generate();
                Files.writeString(file, signing.toJSONString(), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file system's own permissions apply
                }
            }
            if (!signing.isPrivate()) {
                throw new IOException(file + " holds no private key");
            }
            return new SiteKeys(signing, generate());
        } catch (JOSEException | java.text.ParseException e) {
            throw new IOException("The site's key in " + file + " could not be read or made: " + e.getMessage(), e);
        }
    }

    private static ECKey generate() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
    }

    ECKey signingKey() {
        return signingKey;
    }

    ECKey dpopKey() {
        return dpopKey;
    }

    /** What {@code /jwks.json} serves: public keys only. */
    String publicJwks() {
        return new JWKSet(signingKey.toPublicJWK()).toString(true);
    }
}
