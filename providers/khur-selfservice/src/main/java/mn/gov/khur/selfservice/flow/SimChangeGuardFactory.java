package mn.gov.khur.selfservice.flow;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;

/** {@code khur-sim-change-guard}: the SIM-swap hold between the SMS step and the change it allows. */
public final class SimChangeGuardFactory extends SelfServiceAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-sim-change-guard";

    public SimChangeGuardFactory() {
        super(PROVIDER_ID, "ХУР SIM-swap hold (recovery, phone change)",
                "After the reverse SMS matched: refuses the change when the operator reports that the phone's SIM "
                        + "changed within the hold. SMS таарсны дараа: утасны SIM саяхан солигдсон бол өөрчлөлтийг хийхгүй.",
                SimChangeGuard::new);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SimChangeGuardConfig.PROPERTIES;
    }
}
