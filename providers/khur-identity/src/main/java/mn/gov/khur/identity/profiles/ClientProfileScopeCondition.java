package mn.gov.khur.identity.profiles;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProvider;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.ClientModelContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

/**
 * A client is "in" a khur profile when it has the profile's client scope (e.g. {@code khur-fapi2}) as a
 * <em>default</em> scope: the operator sees and sets that on the client's "Client scopes" tab.
 * <p>
 * Keycloak's own {@code client-scopes} condition abstains where no scope parameter exists: before the
 * authorization request is parsed (where PAR is enforced), before the token request (where a DPoP proof is
 * required) and when a client is created or saved (where the executors' auto-configure runs). A profile whose
 * rules are skipped there is not a profile, so this condition answers in every context that names a client.
 */
final class ClientProfileScopeCondition extends AbstractClientPolicyConditionProvider<ClientProfileScopeCondition.Configuration> {

    ClientProfileScopeCondition(KeycloakSession session) {
        super(session);
    }

    @Override
    public Class<Configuration> getConditionConfigurationClass() {
        return Configuration.class;
    }

    /** {@code {"scope": "khur-fapi2"}}. */
    public static final class Configuration extends ClientPolicyConditionConfigurationRepresentation {

        private String scope;

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }
    }

    @Override
    public String getProviderId() {
        return ClientProfileScopeConditionFactory.PROVIDER_ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) {
        String scope = configuration.getScope();
        if (scope == null || scope.isBlank()) {
            return ClientPolicyVote.NO;
        }
        RealmModel realm = session.getContext().getRealm();
        if (context.getEvent() == ClientPolicyEvent.REGISTER && context instanceof ClientCRUDContext crud) {
            return vote(proposedDefaultScopes(crud.getProposedClientRepresentation(), realm).contains(scope));
        }
        if (context instanceof ClientCRUDContext crud && crud.getTargetClient() != null) {
            ClientRepresentation proposed = crud.getProposedClientRepresentation();
            if (proposed != null && proposed.getDefaultClientScopes() != null) {
                return vote(proposed.getDefaultClientScopes().contains(scope));
            }
            return vote(hasDefaultScope(crud.getTargetClient(), scope));
        }
        if (context instanceof PreAuthorizationRequestContext preAuthorization) {
            String clientId = preAuthorization.getClientId();
            return vote(clientId != null && hasDefaultScope(realm.getClientByClientId(clientId), scope));
        }
        if (context instanceof ClientModelContext withClient) {
            return vote(hasDefaultScope(withClient.getClient(), scope));
        }
        return ClientPolicyVote.ABSTAIN;
    }

    private static ClientPolicyVote vote(boolean matches) {
        return matches ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }

    private static boolean hasDefaultScope(ClientModel client, String scope) {
        return client != null && client.getClientScopes(true).containsKey(scope);
    }

    /** A new client without a scope list gets the realm's default scopes of its protocol, as Keycloak does. */
    private static Collection<String> proposedDefaultScopes(ClientRepresentation proposed, RealmModel realm) {
        if (proposed == null) {
            return List.of();
        }
        if (proposed.getDefaultClientScopes() != null) {
            return proposed.getDefaultClientScopes();
        }
        String protocol = Optional.ofNullable(proposed.getProtocol()).orElse(OIDCLoginProtocol.LOGIN_PROTOCOL);
        return realm.getDefaultClientScopesStream(true)
                .filter(clientScope -> protocol.equals(Optional.ofNullable(clientScope.getProtocol())
                        .orElse(OIDCLoginProtocol.LOGIN_PROTOCOL)))
                .map(ClientScopeModel::getName)
                .toList();
    }
}
