package mn.gov.khur.identity.profiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * FAPI 2.0 §5.4: every signature is PS256, ES256 (or stronger of those families). When a {@code khur-fapi2} client is
 * saved, its ID tokens and access tokens are set to PS256 unless chosen, and any other signature algorithm it names
 * (client assertion, request object, signed userinfo, signed authorization response) must be one of those.
 * <p>
 * Keycloak's {@code secure-signature-algorithm} does the same but also forces a signed userinfo response and pins the
 * client assertion to PS256: a site using ES256, or reading userinfo as JSON as OpenID Connect allows, would fail
 * after an operator saved its client. Client assertions are still checked per request ({@code
 * secure-signature-algorithm-signed-jwt}).
 */
final class Fapi2SignatureAlgorithmsExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    static final Set<String> FAPI_ALGORITHMS = Set.of("PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    private static final String DEFAULT_ALGORITHM = "PS256";
    /** Signed by ХУР for the site: set to PS256 when the client does not choose. */
    private static final List<String> DEFAULTED = List.of(OIDCConfigAttributes.ID_TOKEN_SIGNED_RESPONSE_ALG,
            OIDCConfigAttributes.ACCESS_TOKEN_SIGNED_RESPONSE_ALG);
    /** Optional signatures: checked only when the client names one. */
    private static final List<String> CHECKED = List.of(OIDCConfigAttributes.TOKEN_ENDPOINT_AUTH_SIGNING_ALG,
            OIDCConfigAttributes.REQUEST_OBJECT_SIGNATURE_ALG, OIDCConfigAttributes.USER_INFO_RESPONSE_SIGNATURE_ALG,
            OIDCConfigAttributes.AUTHORIZATION_SIGNED_RESPONSE_ALG);
    /** What the admin console stores for "not signed" / "any algorithm". */
    private static final Set<String> NOT_A_SIGNATURE = Set.of("", "unsigned", "any");

    @Override
    public String getProviderId() {
        return Fapi2SignatureAlgorithmsExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> enforce(((ClientCRUDContext) context).getProposedClientRepresentation());
            default -> {
            }
        }
    }

    private static void enforce(ClientRepresentation client) throws ClientPolicyException {
        if (client == null) {
            return;
        }
        Map<String, String> attributes = client.getAttributes() == null ? new HashMap<>() : new HashMap<>(client.getAttributes());
        for (String name : DEFAULTED) {
            String value = attributes.get(name);
            if (value == null || value.isBlank()) {
                attributes.put(name, DEFAULT_ALGORITHM);
            } else if (!FAPI_ALGORITHMS.contains(value)) {
                throw refused(name, value);
            }
        }
        for (String name : CHECKED) {
            String value = attributes.get(name);
            if (value != null && !NOT_A_SIGNATURE.contains(value) && !FAPI_ALGORITHMS.contains(value)) {
                throw refused(name, value);
            }
        }
        client.setAttributes(attributes);
    }

    private static ClientPolicyException refused(String attribute, String value) {
        return new ClientPolicyException(OAuthErrorException.INVALID_CLIENT_METADATA,
                "Invalid client metadata: " + attribute + " " + value + " is not a FAPI 2.0 algorithm (PS256, ES256, …)");
    }
}
