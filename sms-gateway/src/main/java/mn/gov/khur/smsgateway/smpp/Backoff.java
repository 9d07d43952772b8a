package mn.gov.khur.smsgateway.smpp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delay, capped, with ±20 % jitter so that several gateway instances do
 * not hammer a recovering SMSC in lock-step.
 */
final class Backoff {

    private static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration next() {
        long base = initial.toMillis() << Math.min(failures, 20);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        failures++;
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        return Duration.ofMillis(Math.min(max.toMillis(), Math.round(capped * factor)));
    }

    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }

    Duration max() {
        return max;
    }
}
