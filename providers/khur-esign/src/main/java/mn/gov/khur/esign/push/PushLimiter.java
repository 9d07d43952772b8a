package mn.gov.khur.esign.push;

import java.time.Duration;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Threat model §4 (SIM/cloud), issue 13 item 6: how many signing requests may be started per window,
 * counted three ways so that no single knob lets a stranger flood a phone with PIN prompts: per
 * client address (one attacker, many victims), per register number (one victim's number) and per
 * phone number (one phone, the register number varied). Every request counts, whether it then
 * reaches a phone or not: counting only real pushes would let the "too many" page reveal which
 * register number owns a phone.
 *
 * <p>Each request takes one of {@code max} slots per scope in Keycloak's cluster-wide
 * {@link SingleUseObjectProvider}; {@code putIfAbsent} is atomic across nodes and a slot frees itself
 * when its window has passed (a sliding window, exact). A slot already seen taken is skipped with a
 * read ({@code contains}, local in the replicated store) so a full count costs no writes.
 */
public final class PushLimiter {

    private static final String PREFIX = "khur-esign-push:";

    /** What a request is counted against, in the order checked. */
    public enum Scope {
        ADDRESS("address"), REGISTER_NUMBER("register_number"), PHONE("phone");

        private final String eventValue;

        Scope(String eventValue) {
            this.eventValue = eventValue;
        }

        /** The event's {@code khur_reason} when this count is full. */
        public String reason() {
            return "push_limited_" + eventValue;
        }
    }

    /** Requests per window for each scope. */
    public record Limits(int perAddress, int perRegisterNumber, int perPhone, Duration window) {

        int of(Scope scope) {
            return switch (scope) {
                case ADDRESS -> perAddress;
                case REGISTER_NUMBER -> perRegisterNumber;
                case PHONE -> perPhone;
            };
        }
    }

    private final SingleUseObjectProvider store;
    private final Limits limits;

    public PushLimiter(SingleUseObjectProvider store, Limits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Counts one request of {@code method} in each scope, address first. Empty when every count had
     * room; otherwise the first full scope, and the scopes after it are left untouched (a request
     * refused for its address costs its victims nothing).
     */
    public Optional<Scope> tryAcquire(String method, String clientAddress, String registerNumber, String phoneE164) {
        for (Scope scope : Scope.values()) {
            String value = switch (scope) {
                case ADDRESS -> clientAddress;
                case REGISTER_NUMBER -> registerNumber;
                case PHONE -> phoneE164;
            };
            if (!takeSlot(PREFIX + method + ":" + scope.eventValue + ":" + value + ":", limits.of(scope))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    private boolean takeSlot(String key, int max) {
        long lifespan = Math.max(1, limits.window().toSeconds());
        for (int slot = 0; slot < max; slot++) {
            if (!store.contains(key + slot) && store.putIfAbsent(key + slot, lifespan)) {
                return true;
            }
        }
        return false;
    }
}
