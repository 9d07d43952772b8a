package mn.gov.khur.sms.inbound;

import java.time.Duration;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;

import org.keycloak.Config;

/**
 * Long-polling of {@code GET .../challenges/{id}/status?wait=N}, provider options of {@code sms-gateway}:
 * <ul>
 *   <li>{@value #MAX_WAIT_SECONDS} (default 25, at most {@value #WAIT_PARAMETER_LIMIT}): the longest a request
 *       is held, whatever it asks; keep it below the idle timeout of every proxy in front of Keycloak.</li>
 *   <li>{@value #MAX_HELD_REQUESTS} (default 10000): held requests per node; beyond it requests are answered
 *       at once (the page then asks again a second later). 0 turns long-polling off.</li>
 * </ul>
 */
record StatusWaitSettings(Duration maxWait, int maxHeldRequests) {

    static final String MAX_WAIT_SECONDS = "status-max-wait-seconds";
    static final String MAX_HELD_REQUESTS = "status-max-held-requests";
    /** The largest {@code wait} a client may ask for; larger values are a client bug, answered 400. */
    static final int WAIT_PARAMETER_LIMIT = 60;
    static final StatusWaitSettings DEFAULTS = new StatusWaitSettings(Duration.ofSeconds(25), 10_000);

    static StatusWaitSettings from(Config.Scope config) {
        ServerSettings server = ServerSettings.of(config);
        int maxWait = server.wholeNumber(Setting.option(MAX_WAIT_SECONDS), (int) DEFAULTS.maxWait().toSeconds(), 1,
                WAIT_PARAMETER_LIMIT);
        int maxHeld = server.wholeNumber(Setting.option(MAX_HELD_REQUESTS), DEFAULTS.maxHeldRequests(), 0, Integer.MAX_VALUE);
        return new StatusWaitSettings(Duration.ofSeconds(maxWait), maxHeld);
    }

    /**
     * The {@code wait} query parameter: absent means answer at once (the original contract).
     *
     * @return how long to hold the request, capped at {@link #maxWait()}
     * @throws IllegalArgumentException unless it is a whole number of seconds from 0 to {@value #WAIT_PARAMETER_LIMIT}
     */
    Duration holdFor(String waitParameter) {
        if (waitParameter == null) {
            return Duration.ZERO;
        }
        if (!waitParameter.matches("[0-9]{1,2}") || Integer.parseInt(waitParameter) > WAIT_PARAMETER_LIMIT) {
            throw new IllegalArgumentException("wait must be a whole number of seconds from 0 to " + WAIT_PARAMETER_LIMIT);
        }
        Duration asked = Duration.ofSeconds(Integer.parseInt(waitParameter));
        return asked.compareTo(maxWait) < 0 ? asked : maxWait;
    }
}
