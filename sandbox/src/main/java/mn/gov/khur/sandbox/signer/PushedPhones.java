package mn.gov.khur.sandbox.signer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many signing requests a simulated signer actually put on each phone's screen (a PIN prompt the
 * citizen sees), by E.164 number: what a push-bombing test asks after its attack. Requests the signer
 * refused before prompting (unknown phone or account) are not pushes and are not counted.
 */
public final class PushedPhones {

    private final Map<String, AtomicInteger> pushes = new ConcurrentHashMap<>();

    public void pushed(String phone) {
        pushes.computeIfAbsent(phone, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Signing requests shown on this phone since the simulator started. */
    public int pushesTo(String phone) {
        AtomicInteger count = pushes.get(phone);
        return count == null ? 0 : count.get();
    }
}
