package mn.gov.khur.sms.notice;

import java.util.ArrayList;
import java.util.List;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.identity.events.KhurEvents;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * "0" within the window: takes every notice pending for that phone (each single use) and ends each login the way an
 * admin's "sign out" does, i.e. Keycloak's back-channel logout, so relying parties with a back-channel logout URL
 * are told and refresh tokens of the session die; the login's offline session (offline_access tokens, same id) is
 * ended the same way. One LOGOUT event per login, {@code khur_reason=citizen_denied_login}.
 */
public final class KeycloakNoticeReplies implements NoticeReplies {

    public static final String REASON = "citizen_denied_login";
    /** {@code auth_method} of the LOGOUT events: the login notice's reply. */
    public static final String METHOD = "khur-login-notice";
    private static final Logger LOG = Logger.getLogger(KeycloakNoticeReplies.class);

    private final KeycloakSession session;

    public KeycloakNoticeReplies(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public List<DeniedLogin> deny(RealmModel realm, MongolianMobileNumber phone) {
        List<DeniedLogin> denied = new ArrayList<>();
        for (PendingNotice notice : new LoginNotices(session.singleUseObjects()).takeAll(realm.getId(), phone)) {
            denied.add(end(realm, phone, notice));
        }
        return denied;
    }

    private DeniedLogin end(RealmModel realm, MongolianMobileNumber phone, PendingNotice notice) {
        UserSessionModel online = session.sessions().getUserSession(realm, notice.userSessionId());
        boolean onlineEnded = ownedBy(online, notice) && logOut(realm, online, false);
        UserSessionModel offline = session.sessions().getOfflineUserSession(realm, notice.userSessionId());
        boolean offlineEnded = ownedBy(offline, notice) && logOut(realm, offline, true);
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGOUT)
                .user(notice.userId())
                .session(notice.userSessionId())
                .detail(Details.AUTH_METHOD, METHOD)
                .detail(KhurEvents.REASON, REASON)
                .detail(KhurEvents.PHONE, phone.masked())
                .detail(KhurEvents.SESSION_ENDED, Boolean.toString(onlineEnded))
                .detail(KhurEvents.OFFLINE_SESSION_ENDED, Boolean.toString(offlineEnded))
                .success();
        LOG.infof("Login disowned by SMS from %s: user %s, session ended: %s, offline session ended: %s", phone.masked(),
                notice.userId(), onlineEnded, offlineEnded);
        return new DeniedLogin(notice.userId(), notice.userSessionId(), onlineEnded, offlineEnded);
    }

    /** A session id of another user can never be ended from this phone. */
    private static boolean ownedBy(UserSessionModel userSession, PendingNotice notice) {
        return userSession != null && userSession.getUser() != null && notice.userId().equals(userSession.getUser().getId());
    }

    private boolean logOut(RealmModel realm, UserSessionModel userSession, boolean offline) {
        var context = session.getContext();
        AuthenticationManager.backchannelLogout(session, realm, userSession, context.getUri(), context.getConnection(),
                context.getRequestHeaders(), true, offline);
        return true;
    }
}
