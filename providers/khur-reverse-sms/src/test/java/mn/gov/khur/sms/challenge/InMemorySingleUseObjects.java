package mn.gov.khur.sms.challenge;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * In-memory {@link SingleUseObjectProvider} with per-entry lifespans on a test clock. Like the
 * Infinispan one, {@code putIfAbsent} and {@code remove} are atomic; {@code put} is immediate here
 * (Infinispan defers it to commit), and {@code putIfAbsent} stores an entry without notes.
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySingleUseObjects(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), clock.instant().plusSeconds(lifespanSeconds)));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = live(key);
        return entry == null ? null : entry.notes();
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry removed = entries.remove(key);
        return removed == null || expired(removed) ? null : removed.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        Entry entry = live(key);
        return entry != null && entries.replace(key, entry, new Entry(Map.copyOf(notes), entry.expiresAt()));
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanInSeconds) {
        Entry fresh = new Entry(Map.of(), clock.instant().plusSeconds(lifespanInSeconds));
        Entry[] previous = new Entry[1];
        entries.compute(key, (k, existing) -> {
            previous[0] = existing != null && !expired(existing) ? existing : null;
            return previous[0] != null ? existing : fresh;
        });
        return previous[0] == null;
    }

    @Override
    public boolean contains(String key) {
        return live(key) != null;
    }

    @Override
    public void close() {
    }

    /** Every live key, to check that nothing secret is part of one. */
    public Set<String> keys() {
        entries.entrySet().removeIf(e -> expired(e.getValue()));
        return Set.copyOf(entries.keySet());
    }

    /** Every live entry's notes. */
    public Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> copy = new ConcurrentHashMap<>();
        entries.forEach((key, entry) -> {
            if (!expired(entry)) {
                copy.put(key, entry.notes());
            }
        });
        return copy;
    }

    private Entry live(String key) {
        Entry entry = entries.get(key);
        return entry == null || expired(entry) ? null : entry;
    }

    private boolean expired(Entry entry) {
        return !clock.instant().isBefore(entry.expiresAt());
    }
}
