package mn.gov.khur.entry;

import java.util.List;

import mn.gov.khur.identity.flow.ConditionFactory;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers "Condition - ХУР requested level at most". */
public final class RequestedLevelAtMostConditionFactory extends ConditionFactory {

    public static final String PROVIDER_ID = "khur-condition-requested-loa-at-most";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(RequestedLevelAtMostCondition.MAX_LEVEL)
            .type(ProviderConfigProperty.INTEGER_TYPE).label("Maximum requested level / Хүссэн дээд түвшин")
            .helpText("e.g. 1 (substantial). Жишээ нь 1 (substantial).").defaultValue("1").add().build();

    public RequestedLevelAtMostConditionFactory() {
        super(PROVIDER_ID, "Condition - ХУР requested level at most",
                "Matches when the client requested no level or at most this level (acr.loa.map), so a request for a higher "
                        + "level skips this subflow. Хүссэн түвшин энэ түвшнээс ихгүй бол биелнэ.",
                new RequestedLevelAtMostCondition());
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}
