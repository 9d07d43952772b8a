package mn.gov.khur.sms.inbound;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the {@link SmsGatewayResource} for this session. */
final class SmsGatewayResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final SmsGatewayComponents components;

    SmsGatewayResourceProvider(KeycloakSession session, SmsGatewayComponents components) {
        this.session = session;
        this.components = components;
    }

    @Override
    public Object getResource() {
        return new SmsGatewayResource(session, components);
    }

    @Override
    public void close() {
    }
}
