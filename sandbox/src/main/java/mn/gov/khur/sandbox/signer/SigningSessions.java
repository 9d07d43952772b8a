package mn.gov.khur.sandbox.signer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing requests a simulated remote signer accepted, by the random id it answered with; the caller then
 * polls until the citizen has answered or the request's lifetime has run out.
 */
public final class SigningSessions {

    /** What one poll found: which poll it was (the first is 1) and whether the citizen's time was up. */
    public record Poll(int number, boolean expired) {
    }

    public static final class Session {
        private final String signerId;
        private final byte[] hash;
        private final Instant expiresAt;
        private int polls;

        private Session(String signerId, byte[] hash, Instant expiresAt) {
            this.signerId = signerId;
            this.hash = hash;
            this.expiresAt = expiresAt;
        }

        public String signerId() {
            return signerId;
        }

        /** The hash the relying party asked to have signed. */
        public byte[] hash() {
            return hash.clone();
        }

        /** Counts this poll; synchronized so that two concurrent polls never see the same number. */
        public synchronized Poll poll() {
            polls++;
            return new Poll(polls, Instant.now().isAfter(expiresAt));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile Duration lifetime = Duration.ofSeconds(120);

    /** How long a session opened from now on waits for the citizen. */
    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Returns the new session's id. */
    public String open(String signerId, byte[] hash) {
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Session(signerId, hash.clone(), Instant.now().plus(lifetime)));
        return id;
    }

    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }
}
