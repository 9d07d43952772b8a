package mn.gov.khur.sms.inbound;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** One per request: hands Keycloak the {@link SmsGatewayResource} for this session. */
final class SmsGatewayResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final RealmSmsGateways gateways;
    private final StatusLongPoll longPoll;

    SmsGatewayResourceProvider(KeycloakSession session, RealmSmsGateways gateways, StatusLongPoll longPoll) {
        this.session = session;
        this.gateways = gateways;
        this.longPoll = longPoll;
    }

    @Override
    public Object getResource() {
        return new SmsGatewayResource(session, gateways, longPoll);
    }

    @Override
    public void close() {
    }
}
