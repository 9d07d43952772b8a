package mn.gov.khur.sandbox.subscribers;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import mn.gov.khur.sandbox.phone.TypedPhoneNumber;

/**
 * The sandbox operators' subscriber list: MSISDN (E.164) → the register number it is registered to,
 * or {@link #NOBODY} for a SIM registered to nobody (unregistered prepaid).
 */
public final class SubscriberRegistry {

    public static final String NOBODY = "";

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Instant> simChanges = new ConcurrentHashMap<>();

    /** {@code msisdn} in any typed form ({@code 9911 2233}, {@code +976 9911 2233}); registerNumber null: nobody. */
    public void register(String msisdn, String registerNumber) {
        owners.put(key(msisdn), registerNumber == null || registerNumber.isBlank() ? NOBODY : canonical(registerNumber));
    }

    /** match, no_match or unknown (number unknown to the operators, or registered to nobody). */
    public String lookup(String msisdnE164, String registerNumber) {
        Optional<String> owner = Optional.ofNullable(owners.get(key(msisdnE164)));
        if (owner.isEmpty() || owner.get().equals(NOBODY)) {
            return "unknown";
        }
        return owner.get().equals(canonical(registerNumber)) ? "match" : "no_match";
    }

    /** The operator saw a SIM swap or port of this number at {@code changedAt} (null: forget it). */
    public void simChanged(String msisdnE164, Instant changedAt) {
        if (changedAt == null) {
            simChanges.remove(key(msisdnE164));
        } else {
            simChanges.put(key(msisdnE164), changedAt);
        }
    }

    /** When the SIM of this number last changed, if the sandbox operator knows. */
    public Optional<Instant> lastSimChange(String msisdnE164) {
        return Optional.ofNullable(msisdnE164 == null ? null : simChanges.get(key(msisdnE164)));
    }

    public int size() {
        return owners.size();
    }

    /** Every registered number (E.164) with its owner's register number, {@link #NOBODY} for none; sorted by number. */
    public SortedMap<String, String> entries() {
        return new TreeMap<>(owners);
    }

    /** The stored form of a number: E.164 for a Mongolian one in any typed form, else without separators. */
    private static String key(String msisdn) {
        return TypedPhoneNumber.mongolianE164(msisdn).orElseGet(() -> msisdn == null ? "" : TypedPhoneNumber.compact(msisdn));
    }

    private static String canonical(String registerNumber) {
        return registerNumber == null ? "" : registerNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
