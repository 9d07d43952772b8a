package mn.gov.khur.selfservice.flow;

import java.util.List;

import mn.gov.khur.identity.events.KhurEvents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserConsentManager;

/**
 * Ends everything that keeps a citizen logged in anywhere: online sessions and offline sessions (each
 * with a back-channel logout to the sites that hold it) and the consents given to sites. Recovery and
 * phone change call it: whoever held a session, a refresh token or an offline token from before the
 * change holds nothing afterwards, whether that was the citizen or the attacker the change shuts out.
 */
final class CitizenSessions {

    /** How much was ended, for the event. */
    record Ended(int online, int offline, int consents) {

        void addTo(EventBuilder event) {
            event.detail(KhurEvents.SESSIONS_SIGNED_OUT, String.valueOf(online))
                    .detail(KhurEvents.OFFLINE_SESSIONS_SIGNED_OUT, String.valueOf(offline))
                    .detail(KhurEvents.CONSENTS_REVOKED, String.valueOf(consents));
        }
    }

    private CitizenSessions() {
    }

    static Ended endAll(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
        for (UserSessionModel userSession : online) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, context.getUriInfo(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true);
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        for (UserSessionModel offlineSession : offline) {
            AuthenticationManager.backchannelLogout(session, realm, offlineSession, context.getUriInfo(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true, true);
        }
        List<UserConsentModel> consents = UserConsentManager.getConsentsStream(session, realm, user).toList();
        for (UserConsentModel consent : consents) {
            UserConsentManager.revokeConsentForClient(session, realm, user, consent.getClient().getId());
        }
        return new Ended(online.size(), offline.size(), consents.size());
    }
}
