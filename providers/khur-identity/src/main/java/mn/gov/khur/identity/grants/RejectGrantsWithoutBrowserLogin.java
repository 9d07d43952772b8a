package mn.gov.khur.identity.grants;

import java.util.Map;

import org.keycloak.OAuthErrorException;
import org.keycloak.models.CibaConfig;
import org.keycloak.models.OAuth2DeviceConfig;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Client-policy executor: refuses the grants that hand out a citizen's tokens without our browser
 * flow's steps and that Keycloak has no executor of its own for — the device grant (RFC 8628), CIBA and
 * the JWT authorization grant (RFC 7523). A device or a backchannel authentication device would log the
 * citizen in on a page that is not ours, and a foreign JWT would stand in for the second factor, so an
 * {@code acr} issued that way would not mean what it says. (The password and implicit grants are refused
 * by Keycloak's own {@code reject-ropc-grant} and {@code reject-implicit-grant} in the same profile.)
 *
 * <p>When a client is created or saved, the three switches are turned off, so the admin console shows
 * what is in force; requests are refused whatever a client's switches say.
 */
final class RejectGrantsWithoutBrowserLogin implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    /** The client attributes that turn the refused grants on. */
    static final Map<String, String> SWITCHES = Map.of(
            OAuth2DeviceConfig.OAUTH2_DEVICE_AUTHORIZATION_GRANT_ENABLED, "device authorization grant",
            CibaConfig.OIDC_CIBA_GRANT_ENABLED, "client-initiated backchannel authentication (CIBA)",
            OIDCConfigAttributes.JWT_AUTHORIZATION_GRANT_ENABLED, "JWT authorization grant");

    @Override
    public String getProviderId() {
        return RejectGrantsWithoutBrowserLoginFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> switchOff(((ClientCRUDContext) context).getProposedClientRepresentation());
            case DEVICE_AUTHORIZATION_REQUEST, DEVICE_TOKEN_REQUEST -> refuse("device authorization grant");
            case BACKCHANNEL_AUTHENTICATION_REQUEST, BACKCHANNEL_TOKEN_REQUEST -> refuse("CIBA");
            case JWT_AUTHORIZATION_GRANT -> refuse("JWT authorization grant");
            default -> {
                // every other event (code flow, refresh, client credentials, logout, ...) is not ours to judge
            }
        }
    }

    private static void switchOff(ClientRepresentation client) {
        if (client == null || client.getAttributes() == null) {
            return;
        }
        SWITCHES.keySet().forEach(attribute -> {
            if (client.getAttributes().containsKey(attribute)) {
                client.getAttributes().put(attribute, "false");
            }
        });
    }

    private static void refuse(String grant) throws ClientPolicyException {
        throw new ClientPolicyException(OAuthErrorException.UNAUTHORIZED_CLIENT,
                grant + " is not allowed: citizens log in through the browser");
    }
}
