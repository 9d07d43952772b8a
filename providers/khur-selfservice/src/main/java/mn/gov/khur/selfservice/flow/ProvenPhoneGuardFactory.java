package mn.gov.khur.selfservice.flow;

import java.util.List;

import mn.gov.khur.identity.flow.StepFactory;

import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code khur-sim-change-guard}: the proven-phone guard between the SMS step and the change it allows. The id
 * predates the ownership check and stays, so realms that already have the step in their flows keep working.
 */
public final class ProvenPhoneGuardFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-sim-change-guard";

    public ProvenPhoneGuardFactory() {
        super(PROVIDER_ID, "ХУР after the SMS: phone in own name + SIM-swap hold",
                "After the reverse SMS matched: the phone must be registered to this register number at the operators "
                        + "(phone-ownership lookup: match), and its SIM must not have changed within the hold. "
                        + "SMS таарсны дараа: утас операторын бүртгэлээр энэ регистрийн дугаартай хүний нэр дээр байх ёстой, "
                        + "SIM нь саяхан солигдоогүй байх ёстой.",
                ProvenPhoneGuard::new);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SimChangeGuardConfig.PROPERTIES;
    }
}
