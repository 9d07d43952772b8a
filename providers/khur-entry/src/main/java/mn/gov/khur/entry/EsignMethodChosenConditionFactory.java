package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.identity.flow.ConditionFactory;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers "Condition - ХУР signature method chosen". */
public final class EsignMethodChosenConditionFactory extends ConditionFactory {

    public static final String PROVIDER_ID = "khur-condition-esign-method";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(EsignMethodChosenCondition.METHOD)
            .type(ProviderConfigProperty.LIST_TYPE).options("token", "sim", "cloud")
            .label("Method / Арга").helpText("token, sim or cloud. Токен, сим эсвэл клауд.").defaultValue("token")
            .add().build();

    public EsignMethodChosenConditionFactory() {
        super(PROVIDER_ID, "Condition - ХУР signature method chosen",
                "Matches when the citizen chose this method on the signature-method page. Иргэн энэ аргыг сонгосон бол биелнэ.",
                new EsignMethodChosenCondition());
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
