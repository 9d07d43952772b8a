package mn.gov.khur.entry;

import mn.gov.khur.identity.flow.ConditionFactory;

/** Registers {@code khur-condition-phone-change}, "Condition - ХУР phone change requested". */
public final class PhoneChangeConditionFactory extends ConditionFactory {

    public static final String PROVIDER_ID = "khur-condition-phone-change";

    public PhoneChangeConditionFactory() {
        super(PROVIDER_ID, "Condition - ХУР phone change requested",
                "Matches when the citizen followed \"Утасны дугаар солих\" on the login page.",
                new PhoneChangeCondition());
    }
}
