package mn.gov.khur.sandbox.subscribers;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox operators' subscriber list: MSISDN (E.164) → the register number it is registered to,
 * or {@link #NOBODY} for a SIM registered to nobody (unregistered prepaid).
 */
public final class SubscriberRegistry {

    public static final String NOBODY = "";

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Instant> simChanges = new ConcurrentHashMap<>();

    public void register(String msisdnE164, String registerNumber) {
        owners.put(msisdnE164.strip(), registerNumber == null ? NOBODY : canonical(registerNumber));
    }

    /** match, no_match or unknown (number unknown to the operators, or registered to nobody). */
    public String lookup(String msisdnE164, String registerNumber) {
        Optional<String> owner = Optional.ofNullable(owners.get(msisdnE164 == null ? "" : msisdnE164.strip()));
        if (owner.isEmpty() || owner.get().equals(NOBODY)) {
            return "unknown";
        }
        return owner.get().equals(canonical(registerNumber)) ? "match" : "no_match";
    }

    /** The operator saw a SIM swap or port of this number at {@code changedAt} (null: forget it). */
    public void simChanged(String msisdnE164, Instant changedAt) {
        if (changedAt == null) {
            simChanges.remove(msisdnE164.strip());
        } else {
            simChanges.put(msisdnE164.strip(), changedAt);
        }
    }

    /** When the SIM of this number last changed, if the sandbox operator knows. */
    public Optional<Instant> lastSimChange(String msisdnE164) {
        return Optional.ofNullable(msisdnE164 == null ? null : simChanges.get(msisdnE164.strip()));
    }

    public int size() {
        return owners.size();
    }

    private static String canonical(String registerNumber) {
        return registerNumber == null ? "" : registerNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
