package mn.gov.khur.selfservice.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.selfservice.ownership.PhoneOwnership;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipLookup;
import mn.gov.khur.selfservice.ownership.PhoneOwnershipUnavailableException;
import mn.gov.khur.selfservice.ownership.SubscriberStatus;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

/**
 * The operators' word on a phone whose SMS has just matched: does it stand for this citizen? Only {@code match}
 * for (phone, register number) and no SIM change within the hold do. Asked by {@link ProvenPhoneGuard} in the
 * self-service flows and by {@link BankPhoneOffer} after a bank login: one check, so both bind a phone on the same
 * proof. Ask it only after the SMS, never on a first page (it would tell anyone whose a number is).
 */
sealed interface ProvenPhoneOwner {

    /** The phone is in the citizen's own name and its SIM did not change within the hold. */
    record Confirmed() implements ProvenPhoneOwner {
    }

    /** The operators do not tie the phone to the register number ({@code no_match} or {@code unknown}). */
    record NotOwned(PhoneOwnership ownership) implements ProvenPhoneOwner {

        /** Event detail {@code khur_reason}. */
        String reason() {
            return "ownership_" + ownership.name().toLowerCase(Locale.ROOT);
        }
    }

    /** The SIM changed within the hold: the SMS alone may come from a swapped SIM. */
    record SimChanged(Instant changedAt, Duration hold) implements ProvenPhoneOwner {
    }

    /** The lookup did not answer usably: "try again later", never a pass. */
    record Unavailable() implements ProvenPhoneOwner {
    }

    static ProvenPhoneOwner ask(KeycloakSession session, MongolianMobileNumber phone, RegisterNumber registerNumber,
                                Duration hold) {
        SubscriberStatus status;
        try {
            PhoneOwnershipLookup lookup = session.getProvider(PhoneOwnershipLookup.class);
            if (lookup == null) {
                throw new PhoneOwnershipUnavailableException("no phone-ownership provider");
            }
            status = lookup.status(phone, registerNumber);
        } catch (PhoneOwnershipUnavailableException e) {
            Logger.getLogger(ProvenPhoneOwner.class).warnf("Phone-ownership check of %s after the SMS failed: %s",
                    phone.masked(), e.getMessage());
            return new Unavailable();
        }
        if (status.ownership() != PhoneOwnership.MATCH) {
            return new NotOwned(status.ownership());
        }
        if (status.simChangedWithin(hold, Instant.ofEpochMilli(Time.currentTimeMillis()))) {
            return new SimChanged(status.simChangedAt(), hold);
        }
        return new Confirmed();
    }
}
