package mn.gov.khur.entry;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers "Condition - ХУР requested level at most". */
public final class RequestedLevelAtMostConditionFactory extends ConfiguredConditionFactory {

    public static final String PROVIDER_ID = "khur-condition-requested-loa-at-most";

    public RequestedLevelAtMostConditionFactory() {
        super(PROVIDER_ID, "Condition - ХУР requested level at most",
                "Matches when the client requested no level or at most this level (acr.loa.map), so a request for a higher "
                        + "level skips this subflow. Хүссэн түвшин энэ түвшнээс ихгүй бол биелнэ.",
                new RequestedLevelAtMostCondition(),
                ProviderConfigurationBuilder.create().property().name(RequestedLevelAtMostCondition.MAX_LEVEL)
                        .type(ProviderConfigProperty.INTEGER_TYPE).label("Maximum requested level / Хүссэн дээд түвшин")
                        .helpText("e.g. 1 (substantial). Жишээ нь 1 (substantial).").defaultValue("1").add().build());
    }
}
