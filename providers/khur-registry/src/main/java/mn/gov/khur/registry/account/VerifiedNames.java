package mn.gov.khur.registry.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.models.UserModel;

/**
 * Whether an account's names and birth date are still exactly what the registry said: an operator may correct a
 * name (firstName/lastName stay admin-editable), and from then on the data is no longer registry-verified.
 */
public final class VerifiedNames {

    private VerifiedNames() {
    }

    public static boolean holdFor(UserModel user) {
        String stored = user.getFirstAttribute(RegistryAttributes.DIGEST);
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                digestOf(user).getBytes(StandardCharsets.US_ASCII));
    }

    /** The digest of the values as the account holds them now (register number included). */
    public static String digestOf(UserModel user) {
        return digest(List.of(value(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)), value(user.getFirstName()),
                value(user.getLastName()), value(user.getFirstAttribute(RegistryAttributes.CLAN_NAME)),
                value(user.getFirstAttribute(CitizenAttributes.BIRTHDATE)), value(user.getFirstAttribute(CitizenAttributes.GENDER))));
    }

    static String digest(List<String> values) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("khur-registry/v1".getBytes(StandardCharsets.UTF_8));
            for (String value : values) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                sha256.update((byte) 0);
                sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
