package mn.gov.khur.passkey.manage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * A citizen's passkeys (Keycloak's passwordless WebAuthn credentials), oldest first, as pages show them: the name
 * and the day it was made (Ulaanbaatar time). Only this account's passkeys are ever found by id.
 */
public final class CitizenPasskeys {

    public static final String TYPE = WebAuthnCredentialModel.TYPE_PASSWORDLESS;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Ulaanbaatar"));

    private CitizenPasskeys() {
    }

    public static List<Passkey> of(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE)
                .sorted(Comparator.comparing(c -> c.getCreatedDate() == null ? 0L : c.getCreatedDate()))
                .map(Passkey::of).toList();
    }

    /** The account's passkey with this id; another account's credential or another kind of credential is absent. */
    static Optional<CredentialModel> find(UserModel user, String credentialId) {
        if (credentialId == null || credentialId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(user.credentialManager().getStoredCredentialById(credentialId))
                .filter(c -> TYPE.equals(c.getType()));
    }

    /** A passkey as a template sees it ({@code p.id}, {@code p.label}, {@code p.created}). */
    public static final class Passkey {

        private final String id;
        private final String label;
        private final String created;

        Passkey(String id, String label, String created) {
            this.id = id;
            this.label = label;
            this.created = created;
        }

        static Passkey of(CredentialModel credential) {
            String label = credential.getUserLabel() == null || credential.getUserLabel().isBlank() ? "Passkey" : credential.getUserLabel();
            String created = credential.getCreatedDate() == null ? "" : DAY.format(Instant.ofEpochMilli(credential.getCreatedDate()));
            return new Passkey(credential.getId(), label, created);
        }

        public String getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }

        public String getCreated() {
            return created;
        }
    }
}
