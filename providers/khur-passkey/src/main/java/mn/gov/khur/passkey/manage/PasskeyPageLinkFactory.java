package mn.gov.khur.passkey.manage;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/khur-passkeys/page}: see {@link PasskeyPageLink}. */
public final class PasskeyPageLinkFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "khur-passkeys";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasskeyPageLink(session);
    }

    /** Where pages link to: {@code <base>/realms/<realm>/khur-passkeys/page}. */
    public static String path(String realmName) {
        return "/realms/" + realmName + "/" + PROVIDER_ID + "/page";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
