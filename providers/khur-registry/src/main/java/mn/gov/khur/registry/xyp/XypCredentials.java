package mn.gov.khur.registry.xyp;

import java.security.PrivateKey;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.vault.VaultStringSecret;

/** The organisation's access token and signing key, read from Keycloak's vault of the session's realm at each call. */
record XypCredentials(String accessToken, PrivateKey signingKey) {

    private static final Logger LOG = Logger.getLogger(XypCredentials.class);

    /** Empty (logged) when the vault lacks an entry or the key is unreadable: calls are then "unavailable". */
    static Optional<XypCredentials> fromVault(KeycloakSession session, XypSettings settings) {
        Optional<String> token = resolve(session, settings.accessToken());
        Optional<String> key = resolve(session, settings.signingKey());
        if (token.isEmpty() || key.isEmpty()) {
            LOG.warnf("Registry credentials missing in the vault (%s, %s): the registry is not called",
                    settings.accessToken().startsWith("${vault.") ? settings.accessToken() : "access token",
                    settings.signingKey());
            return Optional.empty();
        }
        try {
            return Optional.of(new XypCredentials(token.get(), XypRequestSigner.privateKey(key.get())));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Registry signing key %s unusable: %s", settings.signingKey(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> resolve(KeycloakSession session, String reference) {
        if (!XypSettings.isVaultReference(reference)) {
            return Optional.of(reference); // an access token given as such (the key never is)
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(reference)) {
            return secret.get().filter(value -> !value.isBlank());
        }
    }
}
