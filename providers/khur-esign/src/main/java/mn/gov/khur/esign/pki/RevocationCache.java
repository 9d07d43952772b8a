package mn.gov.khur.esign.pki;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

/**
 * Verified revocation answers kept for their validity (plus the configured grace, used only
 * while the responder is down). One instance per server node, owned by the authenticator
 * factory: it holds public revocation facts, not anyone's login state.
 */
public final class RevocationCache {

    private static final int MAX_ENTRIES = 50_000;

    private record Key(X500Principal issuer, BigInteger serial) {
    }

    private final Map<Key, RevocationAnswer> answers = new ConcurrentHashMap<>();

    Optional<RevocationAnswer> get(X500Principal issuer, BigInteger serial) {
        return Optional.ofNullable(answers.get(new Key(issuer, serial)));
    }

    void put(X500Principal issuer, BigInteger serial, RevocationAnswer answer, Instant now, Duration grace) {
        if (answers.size() >= MAX_ENTRIES) {
            answers.values().removeIf(a -> !now.isBefore(a.validUntil().plus(grace)));
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear(); // bounded memory beats a perfect hit rate
            }
        }
        answers.put(new Key(issuer, serial), answer);
    }
}
