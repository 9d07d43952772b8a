package mn.gov.khur.sms.notice;

import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * "0" within the notice's window: takes the notice (single use) and ends that user session the way an admin's
 * "sign out" does, i.e. Keycloak's back-channel logout, so relying parties with a back-channel logout URL are told
 * and refresh tokens of the session die. Emits a LOGOUT event with {@code khur_reason=citizen_denied_login}.
 */
public final class KeycloakNoticeReplies implements NoticeReplies {

    public static final String REASON = "citizen_denied_login";
    private static final Logger LOG = Logger.getLogger(KeycloakNoticeReplies.class);

    private final KeycloakSession session;

    public KeycloakNoticeReplies(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Optional<DeniedLogin> deny(RealmModel realm, MongolianMobileNumber phone) {
        Optional<PendingNotice> taken = new LoginNotices(session.singleUseObjects()).take(realm.getId(), phone);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        PendingNotice notice = taken.get();
        UserSessionModel userSession = session.sessions().getUserSession(realm, notice.userSessionId());
        boolean ended = false;
        // a session id of another user can never be ended from this phone
        if (userSession != null && userSession.getUser() != null && notice.userId().equals(userSession.getUser().getId())) {
            var context = session.getContext();
            AuthenticationManager.backchannelLogout(session, realm, userSession, context.getUri(), context.getConnection(),
                    context.getRequestHeaders(), true);
            ended = true;
        }
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.LOGOUT)
                .user(notice.userId())
                .session(notice.userSessionId())
                .detail("khur_reason", REASON)
                .detail("khur_phone", phone.masked())
                .success();
        LOG.infof("Login disowned by SMS from %s: user %s, session ended: %s", phone.masked(), notice.userId(), ended);
        return Optional.of(new DeniedLogin(notice.userId(), notice.userSessionId(), ended));
    }
}
