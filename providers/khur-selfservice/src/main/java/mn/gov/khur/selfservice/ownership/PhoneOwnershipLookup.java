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

    PhoneOwnership lookup(MongolianMobileNumber msisdn, RegisterNumber registerNumber)
            throws PhoneOwnershipUnavailableException;

    @Override
    default void close() {
    }
}
