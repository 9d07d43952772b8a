package mn.gov.khur.selfservice.ownership;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Registers the phone-ownership lookup as a Keycloak SPI ({@code spi-khur-phone-ownership-*} options). */
public final class PhoneOwnershipSpi implements Spi {

    public static final String NAME = "khur-phone-ownership";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return PhoneOwnershipLookup.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PhoneOwnershipLookupFactory.class;
    }
}
