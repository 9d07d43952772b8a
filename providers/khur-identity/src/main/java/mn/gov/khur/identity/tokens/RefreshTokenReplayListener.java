package mn.gov.khur.identity.tokens;

import java.util.Set;

import mn.gov.khur.identity.events.KhurEvents;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends the whole login session when a rotated refresh token is used a second time (RFC 9700 §4.14.2).
 * <p>
 * With {@code revokeRefreshToken} on, Keycloak 26.7.3 refuses the replayed token ("Stale token" or "Maximum allowed
 * refresh token reuse exceeded") but leaves the session, and the token the thief or the site got first, alive. A
 * replay means one of two holders is not the site, and we cannot tell which: so both lose the session, the citizen
 * logs in again, and every site of that session is told by back-channel logout.
 * <p>
 * Keycloak sends error events in a transaction of their own, so the logout here is kept although the refused token
 * request is rolled back.
 */
final class RefreshTokenReplayListener implements EventListenerProvider {

    static final String REASON_DETAIL = KhurEvents.REASON;
    static final String REPLAY_REASON = "refresh_token_replayed";
    /** {@code OAuthErrorException} descriptions of {@code TokenManager.validateTokenReuse} and the not-before check. */
    private static final Set<String> REUSE_DESCRIPTIONS = Set.of("Stale token", "Maximum allowed refresh token reuse exceeded");

    private static final Logger LOG = Logger.getLogger(RefreshTokenReplayListener.class);

    private final KeycloakSession session;

    RefreshTokenReplayListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.REFRESH_TOKEN_ERROR || event.getSessionId() == null || event.getDetails() == null
                || !REUSE_DESCRIPTIONS.contains(event.getDetails().get(Details.REASON))) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || !realm.isRevokeRefreshToken()) {
            return;
        }
        UserSessionModel online = session.sessions().getUserSession(realm, event.getSessionId());
        UserSessionModel offline = session.sessions().getOfflineUserSession(realm, event.getSessionId());
        if (online == null && offline == null) {
            return;
        }
        UserSessionModel any = online != null ? online : offline;
        LOG.infof("Refresh token replayed for client %s: ending user session %s", event.getClientId(), event.getSessionId());
        session.getContext().setRealm(realm);
        if (offline != null) {
            new UserSessionManager(session).revokeOfflineUserSession(offline);
        }
        if (online != null) {
            AuthenticationManager.backchannelLogout(session, realm, online, session.getContext().getUri(),
                    session.getContext().getConnection(), session.getContext().getRequestHeaders(), true);
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGOUT)
                .client(event.getClientId())
                .user(any.getUser())
                .session(event.getSessionId())
                .detail(REASON_DETAIL, REPLAY_REASON)
                .success();
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
