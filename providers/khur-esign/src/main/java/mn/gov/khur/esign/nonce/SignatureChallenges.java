package mn.gov.khur.esign.nonce;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Server nonces for signature logins: 256 random bits, bound to this browser tab's
 * authentication session (root session id + tab id), single-use (get-and-remove in Keycloak's
 * cluster-wide {@link SingleUseObjectProvider}) and short-lived (TTL in the store). The auth
 * session only remembers which nonce it was shown; the store decides whether it is still good.
 */
public final class SignatureChallenges {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final String AUTH_NOTE = "khur.esign.nonce";
    private static final String KEY_PREFIX = "khur-esign-nonce:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;

    public SignatureChallenges(KeycloakSession session) {
        this.session = session;
    }

    /** A fresh challenge for this tab, bound to the origin the login page is served from; the previous one is withdrawn. */
    public LoginChallenge issue(AuthenticationSessionModel authSession, Duration ttl) {
        withdraw(authSession);
        String origin = pageOrigin();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.singleUseObjects().put(KEY_PREFIX + nonce, Math.max(1, ttl.toSeconds()),
                Map.of("binding", binding(authSession), "origin", origin));
        authSession.setAuthNote(AUTH_NOTE, nonce);
        return new LoginChallenge(nonce, origin);
    }

    /** The challenge currently shown to this tab, without using it up (to render the page again). */
    public Optional<LoginChallenge> current(AuthenticationSessionModel authSession) {
        String nonce = authSession.getAuthNote(AUTH_NOTE);
        if (nonce == null) {
            return Optional.empty();
        }
        Map<String, String> stored = session.singleUseObjects().get(KEY_PREFIX + nonce);
        if (stored == null || !binding(authSession).equals(stored.get("binding"))) {
            return Optional.empty();
        }
        return Optional.of(new LoginChallenge(nonce, stored.get("origin")));
    }

    /**
     * Uses up this tab's nonce. Empty when there is none, it expired, it was already used, or it
     * belongs to another session: whatever was signed over it then proves nothing.
     */
    public Optional<LoginChallenge> consume(AuthenticationSessionModel authSession) {
        String nonce = authSession.getAuthNote(AUTH_NOTE);
        authSession.removeAuthNote(AUTH_NOTE);
        if (nonce == null) {
            return Optional.empty();
        }
        Map<String, String> stored = session.singleUseObjects().remove(KEY_PREFIX + nonce);
        if (stored == null || !binding(authSession).equals(stored.get("binding"))) {
            return Optional.empty();
        }
        return Optional.of(new LoginChallenge(nonce, stored.get("origin")));
    }

    public void withdraw(AuthenticationSessionModel authSession) {
        String nonce = authSession.getAuthNote(AUTH_NOTE);
        if (nonce != null) {
            session.singleUseObjects().remove(KEY_PREFIX + nonce);
            authSession.removeAuthNote(AUTH_NOTE);
        }
    }

    /** The origin the login page is served from, exactly as the browser sends it in Origin. */
    private String pageOrigin() {
        URI base = session.getContext().getUri().getBaseUri();
        return base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    private static String binding(AuthenticationSessionModel authSession) {
        return authSession.getParentSession().getId() + "." + authSession.getTabId();
    }
}
