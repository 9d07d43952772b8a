package mn.gov.khur.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Registers the state registry as a Keycloak SPI ({@code --spi-khur-citizen-registry--xyp--*} options). */
public final class CitizenRegistrySpi implements Spi {

    public static final String NAME = "khur-citizen-registry";

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
        return CitizenRegistry.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return CitizenRegistryFactory.class;
    }
}
