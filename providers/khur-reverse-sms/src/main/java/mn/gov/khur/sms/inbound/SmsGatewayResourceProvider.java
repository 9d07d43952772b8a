package mn.gov.khur.sms.inbound;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the {@link SmsGatewayResource} for this session. */
final class SmsGatewayResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final RealmSmsGateways gateways;

    SmsGatewayResourceProvider(KeycloakSession session, RealmSmsGateways gateways) {
        this.session = session;
        this.gateways = gateways;
    }

    @Override
    public Object getResource() {
        return new SmsGatewayResource(session, gateways);
    }

    @Override
    public void close() {
    }
}
