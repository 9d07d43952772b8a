package mn.gov.khur.demorp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * The demo site's own sessions, in memory: a random id in a cookie, everything else on the server.
 * Bounded (the least recently used session goes first when full) and each session expires after
 * {@code timeToLive} without use. A real site would use its framework's session store; the
 * point here is only what goes into it.
 */
final class SessionStore {

    /** A login that was started (browser sent to ХУР) and not finished yet. Single use. */
    record PendingLogin(State state, Nonce nonce, CodeVerifier codeVerifier, String requestedAcr) {
    }

    /**
     * A finished login. The ID token is kept only as the {@code id_token_hint} for logout; its
     * checked claims and the userinfo response are what the site uses.
     */
    record SignedIn(JWT idToken, JWTClaimsSet idTokenClaims, String userInfoJson) {
    }

    static final class Session {
        private final String id;
        private Instant lastUsed;
        private PendingLogin pendingLogin;
        private SignedIn signedIn;

        private Session(String id, Instant now) {
            this.id = id;
            this.lastUsed = now;
        }

        String id() {
            return id;
        }

        synchronized PendingLogin pendingLogin() {
            return pendingLogin;
        }

        synchronized void pendingLogin(PendingLogin pending) {
            this.pendingLogin = pending;
        }

        /** Takes the pending login out: a state, nonce and PKCE verifier are used once. */
        synchronized PendingLogin takePendingLogin() {
            PendingLogin pending = pendingLogin;
            pendingLogin = null;
            return pending;
        }

        synchronized SignedIn signedIn() {
            return signedIn;
        }

        synchronized void signedIn(SignedIn signedIn) {
            this.signedIn = signedIn;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxSessions;
    private final Duration timeToLive;
    private final Clock clock;
    private final LinkedHashMap<String, Session> sessions;

    SessionStore(int maxSessions, Duration timeToLive, Clock clock) {
        this.maxSessions = maxSessions;
        this.timeToLive = timeToLive;
        this.clock = clock;
        // access order: get() moves a session to the end, so the eldest is the least recently used
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > SessionStore.this.maxSessions;
            }
        };
    }

    SessionStore() {
        this(10_000, Duration.ofMinutes(30), Clock.systemUTC());
    }

    /** A new, empty session with a fresh unguessable id (256 bits). */
    synchronized Session create() {
        removeExpired();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(id, clock.instant());
        sessions.put(id, session);
        return session;
    }

    /** The live session with that id, if any; using it extends its life. */
    synchronized Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastUsed.plus(timeToLive).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastUsed = now;
        return Optional.of(session);
    }

    synchronized void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /**
     * Front-channel logout: ends every local session whose login came from the ХУР session {@code sid}
     * (the ID token's {@code sid} claim). Returns how many ended.
     */
    synchronized int removeByIdpSession(String sid) {
        if (sid == null || sid.isEmpty()) {
            return 0;
        }
        int before = sessions.size();
        sessions.values().removeIf(session -> session.signedIn != null
                && sid.equals(session.signedIn.idTokenClaims().getClaim("sid")));
        return before - sessions.size();
    }

    synchronized int size() {
        return sessions.size();
    }

    private void removeExpired() {
        // in access order the least recently used come first: stop at the first live one
        Instant oldest = clock.instant().minus(timeToLive);
        var iterator = sessions.values().iterator();
        while (iterator.hasNext() && iterator.next().lastUsed.isBefore(oldest)) {
            iterator.remove();
        }
    }
}
