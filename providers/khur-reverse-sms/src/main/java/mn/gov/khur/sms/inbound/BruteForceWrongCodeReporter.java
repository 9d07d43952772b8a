package mn.gov.khur.sms.inbound;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Reports to Keycloak's brute-force protector under the {@code otp} category: since 26.6 other
 * categories are silently dropped, and {@code otp} also feeds the realm's
 * "max secondary auth failures" permanent lockout.
 */
final class BruteForceWrongCodeReporter implements WrongCodeReporter {

    private static final Set<String> CATEGORIES = Set.of(OTPCredentialModel.TYPE);

    private final KeycloakSession session;

    BruteForceWrongCodeReporter(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void wrongCode(RealmModel realm, String userId) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (user == null || protector == null) {
            return;
        }
        protector.failedLogin(realm, user, session.getContext().getConnection(), session.getContext().getUri(), CATEGORIES);
    }
}
