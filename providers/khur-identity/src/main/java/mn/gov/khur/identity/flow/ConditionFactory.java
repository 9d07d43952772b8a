package mn.gov.khur.identity.flow;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;

/** A {@link StepFactory} for a flow condition: one stateless condition, REQUIRED or DISABLED. */
public abstract class ConditionFactory extends StepFactory implements ConditionalAuthenticatorFactory {

    private final ConditionalAuthenticator condition;

    protected ConditionFactory(String id, String displayType, String helpText, ConditionalAuthenticator condition) {
        super(id, displayType, helpText, () -> condition);
        this.condition = condition;
    }

    @Override
    public final ConditionalAuthenticator getSingleton() {
        return condition;
    }
}
