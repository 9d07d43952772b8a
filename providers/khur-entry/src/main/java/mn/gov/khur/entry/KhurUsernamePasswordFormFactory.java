package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.identity.throttle.FailuresPerNetwork;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code khur-username-password-form}: Keycloak's username/password form with the phone-change link.
 * Reference category stays {@code password} (inherited), so brute-force protection counts as before; the config holds
 * the per-network budget of failed logins ({@link FailuresPerNetwork}), which the signature steps spend too.
 */
public final class KhurUsernamePasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = FailuresPerNetwork.PASSWORD_STEP; // "khur-username-password-form"

    @Override
    public Authenticator create(KeycloakSession session) {
        return new KhurUsernamePasswordForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ХУР username password form (with phone-change link)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username/password form; also offers \"Утасны дугаар солих\" (starts the phone-change sub-flow), "
                + "and gives each network a small budget of wrong passwords per register number (⚙).";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return FailuresPerNetwork.PROPERTIES;
    }
}
