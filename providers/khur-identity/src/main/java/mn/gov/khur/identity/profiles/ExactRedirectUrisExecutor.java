package mn.gov.khur.identity.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Refuses to save a client whose redirect or post-logout redirect URIs contain a wildcard: a wildcard lets any page
 * under the site (an open redirect, a user-content path) receive citizens' authorization codes. Keycloak's
 * {@code secure-redirect-uris-enforcer} also forbids {@code http://localhost}, which the dev run and the tests need.
 * <p>
 * Checked when a client is created or saved, not at login: a site registered before this rule keeps logging
 * citizens in until an operator next edits it.
 */
final class ExactRedirectUrisExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return ExactRedirectUrisExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> check(((ClientCRUDContext) context).getProposedClientRepresentation());
            default -> {
            }
        }
    }

    private static void check(ClientRepresentation client) throws ClientPolicyException {
        if (client == null) {
            return;
        }
        List<String> uris = new ArrayList<>(Optional.ofNullable(client.getRedirectUris()).orElse(List.of()));
        Optional.ofNullable(client.getAttributes())
                .map(attributes -> attributes.get(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS))
                .ifPresent(postLogout -> uris.addAll(List.of(postLogout.split("##"))));
        for (String uri : uris) {
            if (uri.contains("*")) {
                throw new ClientPolicyException(OAuthErrorException.INVALID_CLIENT_METADATA,
                        "Invalid client metadata: redirect URIs must be exact, without a wildcard: " + uri);
            }
        }
    }
}
