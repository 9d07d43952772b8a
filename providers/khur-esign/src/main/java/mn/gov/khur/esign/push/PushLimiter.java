package mn.gov.khur.esign.push;

import java.time.Duration;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Threat model §4 (SIM/cloud): at most {@code maxPushes} signature requests per register number
 * per window, so nobody can flood a citizen's phone with prompts (push fatigue). Each push takes
 * one of {@code maxPushes} slots in Keycloak's cluster-wide {@link SingleUseObjectProvider};
 * {@code putIfAbsent} is atomic across nodes and a slot frees itself when its window has passed.
 */
public final class PushLimiter {

    private static final String PREFIX = "khur-esign-push:";
    private final SingleUseObjectProvider store;
    private final int maxPushes;
    private final Duration window;

    public PushLimiter(SingleUseObjectProvider store, int maxPushes, Duration window) {
        this.store = store;
        this.maxPushes = maxPushes;
        this.window = window;
    }

    /** Takes a slot for one push to this citizen; false when all are taken (refuse the push). */
    public boolean tryAcquire(String method, String registerNumber) {
        for (int slot = 0; slot < maxPushes; slot++) {
            if (store.putIfAbsent(PREFIX + method + ":" + registerNumber + ":" + slot, Math.max(1, window.toSeconds()))) {
                return true;
            }
        }
        return false;
    }
}
