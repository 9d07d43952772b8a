package mn.gov.khur.identity.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.SingleUseObjectProvider;

/** Keycloak's single-use store in memory, with lifespans on a clock the test moves; putIfAbsent and remove are atomic. */
final class TestSingleUseObjects implements SingleUseObjectProvider {

    private record Entry(Map<String, String> notes, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private Instant now = Instant.parse("2026-11-24T10:15:00Z");

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    Set<String> keys() {
        entries.values().removeIf(this::expired);
        return Set.copyOf(entries.keySet());
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, new Entry(Map.copyOf(notes), now.plusSeconds(lifespanSeconds)));
    }

    @Override
    public Map<String, String> get(String key) {
        Entry entry = entries.get(key);
        return entry == null || expired(entry) ? null : entry.notes();
    }

    @Override
    public Map<String, String> remove(String key) {
        Entry entry = entries.remove(key);
        return entry == null || expired(entry) ? null : entry.notes();
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        throw new UnsupportedOperationException("not used");
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        boolean[] added = {false};
        entries.compute(key, (k, existing) -> {
            if (existing != null && !expired(existing)) {
                return existing;
            }
            added[0] = true;
            return new Entry(Map.of(), now.plusSeconds(lifespanSeconds));
        });
        return added[0];
    }

    @Override
    public boolean contains(String key) {
        return get(key) != null;
    }

    @Override
    public void close() {
    }

    private boolean expired(Entry entry) {
        return !now.isBefore(entry.expiresAt());
    }
}
