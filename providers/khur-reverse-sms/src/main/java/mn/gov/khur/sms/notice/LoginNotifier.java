package mn.gov.khur.sms.notice;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.outbound.OutboundSms;
import mn.gov.khur.sms.outbound.OutboundSmsSender;
import mn.gov.khur.sms.outbound.OutboundSmsSettings;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Threat model §1 (real-time phishing relay): after a password + reverse-SMS login, an MT to the registered phone
 * says when and from which browser, and that "0" to the short number undoes it. The notice is remembered in the
 * login's transaction (one of several a phone can have pending, see {@link LoginNotices}); the SMS is queued only after that transaction committed, and sent on
 * {@link OutboundSmsSender}'s own threads, so it can neither delay nor fail the login.
 */
public final class LoginNotifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LoginNotifier.class);

    private final Optional<OutboundSmsSender> sender;
    private final Duration ttl;
    private final Clock clock;

    LoginNotifier(Optional<OutboundSmsSender> sender, Duration ttl, Clock clock) {
        this.sender = sender;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Logs once whether notices can be sent. */
    public static LoginNotifier start(OutboundSmsSettings settings, Duration ttl, MeterRegistry registry) {
        if (!settings.configured()) {
            LOG.infof("Login notices by SMS are off: set %s and %s (the SMPP bridge's POST /mt) to send them",
                    OutboundSmsSettings.URL_ENV, OutboundSmsSettings.SECRET_ENV);
            return new LoginNotifier(Optional.empty(), ttl, Clock.systemUTC());
        }
        LOG.infof("Login notices by SMS go to %s (reply window %s)", settings.endpoint().orElseThrow(), ttl);
        return new LoginNotifier(Optional.of(OutboundSmsSender.create(settings, registry)), ttl, Clock.systemUTC());
    }

    public static LoginNotifier off() {
        return new LoginNotifier(Optional.empty(), LoginNotices.DEFAULT_TTL, Clock.systemUTC());
    }

    public boolean canSend() {
        return sender.isPresent();
    }

    /**
     * Called inside the login's transaction once the reverse-SMS step succeeded.
     *
     * @param userSessionId the id the user session gets (Keycloak creates it with the root authentication session's id)
     */
    public void afterLogin(KeycloakSession session, RealmModel realm, UserModel user, MongolianMobileNumber phone,
                           String userSessionId, String shortNumber) {
        if (sender.isEmpty()) {
            return;
        }
        String userAgent = session.getContext().getRequestHeaders() == null ? null
                : session.getContext().getRequestHeaders().getHeaderString("User-Agent");
        OutboundSms sms = new OutboundSms("khur-notice-" + UUID.randomUUID(), phone, shortNumber,
                LoginNoticeText.of(clock.instant(), userAgent, shortNumber));
        Optional<LoginNotices.Remembered> remembered = new LoginNotices(session.singleUseObjects(), clock)
                .remember(realm.getId(), phone, new PendingNotice(user.getId(), userSessionId), ttl);
        OutboundSmsSender queue = sender.get();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                queue.submit(sms); // never throws, never blocks
            }

            @Override
            protected void rollbackImpl() {
                // the login did not happen: nothing to tell, and the slot its notice claimed is free again
                remembered.ifPresent(LoginNotices.Remembered::release);
            }
        });
    }

    @Override
    public void close() {
        sender.ifPresent(OutboundSmsSender::close);
    }
}
