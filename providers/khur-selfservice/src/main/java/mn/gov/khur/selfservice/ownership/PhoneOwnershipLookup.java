package mn.gov.khur.selfservice.ownership;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;

import org.keycloak.provider.Provider;

/**
 * "Registered in your own name": asks the mobile operators' subscriber lookup whether a phone
 * number belongs to a citizen. Keycloak SPI {@value PhoneOwnershipSpi#NAME}; the shipped provider is
 * the HTTP adapter ({@link HttpPhoneOwnershipLookupFactory}).
 */
public interface PhoneOwnershipLookup extends Provider {

    /** Whose the number is, and when its SIM last changed if the operator reports it. */
    SubscriberStatus status(MongolianMobileNumber msisdn, RegisterNumber registerNumber)
            throws PhoneOwnershipUnavailableException;

    default PhoneOwnership lookup(MongolianMobileNumber msisdn, RegisterNumber registerNumber)
            throws PhoneOwnershipUnavailableException {
        return status(msisdn, registerNumber).ownership();
    }

    @Override
    default void close() {
    }
}
