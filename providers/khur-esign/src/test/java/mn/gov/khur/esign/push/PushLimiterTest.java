package mn.gov.khur.esign.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class PushLimiterTest {

    private static final String PHONE = "+97699112233";
    private final InMemoryStore store = new InMemoryStore();
    private final PushLimiter limiter = new PushLimiter(store, new PushLimiter.Limits(5, 3, 3, Duration.ofMinutes(10)));

    @Test
    void onePhoneIsLimitedWhateverRegisterNumberIsTyped() {
        assertThat(limiter.tryAcquire("sim", "10.0.0.1", "УБ99112233", PHONE)).isEmpty();
        assertThat(limiter.tryAcquire("sim", "10.0.0.2", "УБ99112234", PHONE)).isEmpty();
        assertThat(limiter.tryAcquire("sim", "10.0.0.3", "УБ99112235", PHONE)).isEmpty();
        assertThat(limiter.tryAcquire("sim", "10.0.0.4", "УБ99112236", PHONE)).contains(PushLimiter.Scope.PHONE);
        assertThat(limiter.tryAcquire("sim", "10.0.0.4", "УБ99112236", "+97699112299")).as("another phone").isEmpty();
    }

    @Test
    void oneRegisterNumberIsLimitedWhateverPhoneIsTyped() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("sim", "10.0.0." + i, "УБ99112233", "+9769911220" + i)).isEmpty();
        }
        assertThat(limiter.tryAcquire("sim", "10.0.0.9", "УБ99112233", "+97699112209")).contains(PushLimiter.Scope.REGISTER_NUMBER);
    }

    @Test
    void oneAddressIsLimitedAndItsRefusalsCostTheVictimsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("cloud", "10.0.0.1", "УБ9911220" + i, "+9769911220" + i)).isEmpty();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("cloud", "10.0.0.1", "УБ99112288", PHONE)).contains(PushLimiter.Scope.ADDRESS);
        }
        assertThat(limiter.tryAcquire("cloud", "10.0.0.2", "УБ99112288", PHONE))
                .as("the refused requests took none of the number's or the phone's count").isEmpty();
    }

    @Test
    void eachMethodCountsOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("sim", "10.0.0." + i, "УБ9911220" + i, PHONE);
        }
        assertThat(limiter.tryAcquire("sim", "10.0.0.9", "УБ99112209", PHONE)).contains(PushLimiter.Scope.PHONE);
        assertThat(limiter.tryAcquire("cloud", "10.0.0.9", "УБ99112209", PHONE)).isEqualTo(Optional.empty());
    }

    @Test
    void slotsLastTheWindow() {
        limiter.tryAcquire("sim", "10.0.0.1", "УБ99112233", PHONE);
        assertThat(store.lifespans).isNotEmpty().allSatisfy((key, lifespan) -> assertThat(lifespan).isEqualTo(600L));
    }

    /** putIfAbsent/contains as Keycloak's store answers them (entries never expire within a test). */
    private static final class InMemoryStore implements SingleUseObjectProvider {
        final Map<String, Long> lifespans = new HashMap<>();

        @Override public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return lifespans.putIfAbsent(key, lifespanInSeconds) == null;
        }
        @Override public boolean contains(String key) { return lifespans.containsKey(key); }
        @Override public void put(String key, long lifespanSeconds, Map<String, String> notes) { lifespans.put(key, lifespanSeconds); }
        @Override public Map<String, String> get(String key) { return lifespans.containsKey(key) ? Map.of() : null; }
        @Override public Map<String, String> remove(String key) { return lifespans.remove(key) == null ? null : Map.of(); }
        @Override public boolean replace(String key, Map<String, String> notes) { return lifespans.containsKey(key); }
        @Override public void close() { }
    }
}
