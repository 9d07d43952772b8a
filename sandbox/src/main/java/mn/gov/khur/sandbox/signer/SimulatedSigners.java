package mn.gov.khur.sandbox.signer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The citizens a simulated remote signer (SIM or cloud signature) knows, by the id its protocol addresses them by
 * (phone, register number), each with the behaviour a test or the operator chose and the text the last request
 * showed them. {@code A} is what the protocol keeps per citizen (key, bound phone), {@code B} its behaviours.
 */
public final class SimulatedSigners<A, B extends Enum<B>> {

    /** One citizen as the signer sees them at one moment. */
    public record Signer<A, B>(String id, A account, B behaviour) {
    }

    /** The last signing request as the citizen's phone shows it: the text, and the code worked out from the hash. */
    public record ShownRequest(String text, String verificationCode, Instant at) {
    }

    private final B initial;
    private final Map<String, Signer<A, B>> signers = new ConcurrentHashMap<>();
    private final Map<String, ShownRequest> lastShown = new ConcurrentHashMap<>();

    /** New accounts start with {@code initial}. */
    public SimulatedSigners(B initial) {
        this.initial = initial;
    }

    /** Adds or replaces the account, which starts again with the initial behaviour. */
    public void register(String id, A account) {
        signers.put(id, new Signer<>(id, account, initial));
    }

    /** False, and nothing changes, when {@code id} has no account. */
    public boolean behaviour(String id, B behaviour) {
        return signers.computeIfPresent(id, (k, s) -> new Signer<>(id, s.account(), behaviour)) != null;
    }

    public Optional<Signer<A, B>> find(String id) {
        return Optional.ofNullable(signers.get(id));
    }

    public Collection<Signer<A, B>> all() {
        return List.copyOf(signers.values());
    }

    /** The behaviours an operator may choose from, in declaration order. */
    public List<B> behaviours() {
        return List.of(initial.getDeclaringClass().getEnumConstants());
    }

    /** A request reached this citizen's phone: it shows {@code text} and the code of {@code hash}. */
    public void shown(String id, String text, byte[] hash) {
        lastShown.put(id, new ShownRequest(text, PhoneSideCode.of(hash), Instant.now()));
    }

    /** The text the last request showed this citizen (empty if none). */
    public String lastDisplayedText(String id) {
        ShownRequest shown = lastShown.get(id);
        return shown == null ? "" : shown.text();
    }

    /** The last request this citizen's phone showed, if any. */
    public Optional<ShownRequest> lastShown(String id) {
        return Optional.ofNullable(lastShown.get(id));
    }
}
