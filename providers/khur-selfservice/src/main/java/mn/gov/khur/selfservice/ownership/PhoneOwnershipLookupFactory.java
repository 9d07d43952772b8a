package mn.gov.khur.selfservice.ownership;

import org.keycloak.provider.ProviderFactory;

public interface PhoneOwnershipLookupFactory extends ProviderFactory<PhoneOwnershipLookup> {
}
