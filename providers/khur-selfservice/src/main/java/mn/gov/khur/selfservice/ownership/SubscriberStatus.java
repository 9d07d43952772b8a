package mn.gov.khur.selfservice.ownership;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the operators' subscriber lookup says about a number: whose it is and, when the operator
 * reports it, when its SIM was last swapped or the number ported ({@code null}: not reported).
 */
public record SubscriberStatus(PhoneOwnership ownership, Instant simChangedAt) {

    public SubscriberStatus {
        Objects.requireNonNull(ownership, "ownership");
    }

    public static SubscriberStatus of(PhoneOwnership ownership) {
        return new SubscriberStatus(ownership, null);
    }

    /**
     * True when the SIM changed less than {@code hold} before {@code now}: the phone may be in an
     * attacker's hands (SIM swap), so an SMS from it must not be the only proof.
     */
    public boolean simChangedWithin(Duration hold, Instant now) {
        return simChangedAt != null && !hold.isZero() && simChangedAt.isAfter(now.minus(hold));
    }
}
