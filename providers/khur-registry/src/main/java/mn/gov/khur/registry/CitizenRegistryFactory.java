package mn.gov.khur.registry;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link CitizenRegistry}; provider {@code xyp} is the real registry's SOAP adapter. */
public interface CitizenRegistryFactory extends ProviderFactory<CitizenRegistry> {
}
