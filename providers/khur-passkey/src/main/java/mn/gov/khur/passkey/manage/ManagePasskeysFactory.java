package mn.gov.khur.passkey.manage;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Required action {@code khur-passkeys} (realm: enabled, never a default action; citizens start it themselves). */
public final class ManagePasskeysFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "khur-passkeys";
    private static final ManagePasskeys SINGLETON = new ManagePasskeys();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ХУР passkeys: rename, remove (Passkey-ууд)";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
