package mn.gov.khur.sandbox.subscribers;

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

    public int size() {
        return owners.size();
    }

    private static String canonical(String registerNumber) {
        return registerNumber == null ? "" : registerNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
