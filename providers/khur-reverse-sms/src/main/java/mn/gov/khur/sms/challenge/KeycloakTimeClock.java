package mn.gov.khur.sms.challenge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.keycloak.common.util.Time;

/**
 * Keycloak's notion of "now" ({@link Time}), which honours the time offset that Keycloak's
 * own test tooling sets, so expiry can be tested against a running server.
 */
final class KeycloakTimeClock extends Clock {

    static final KeycloakTimeClock INSTANCE = new KeycloakTimeClock();

    private KeycloakTimeClock() {
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone); // never used: challenge times are zone-less instants
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
