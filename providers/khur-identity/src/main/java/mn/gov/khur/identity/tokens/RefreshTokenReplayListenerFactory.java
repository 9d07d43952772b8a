package mn.gov.khur.identity.tokens;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link RefreshTokenReplayListener} as event listener {@value #PROVIDER_ID}; realm {@code khur} lists it in
 * its event listeners (Realm settings > Events).
 */
public final class RefreshTokenReplayListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "khur-refresh-token-replay";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RefreshTokenReplayListener(session);
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
