package mn.gov.khur.bank;

import mn.gov.khur.identity.flow.StepFactory;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/**
 * What the two bank flow steps share beyond {@link StepFactory}: always REQUIRED, and category {@code bank}: these
 * steps judge the bank's assertion, not a secret the citizen typed, so there is nothing for the brute-force protector
 * to count.
 */
abstract class BankStepAuthenticatorFactory extends StepFactory {

    BankStepAuthenticatorFactory(String id, Authenticator authenticator, String displayType, String helpText) {
        super(id, displayType, helpText, () -> authenticator);
    }

    @Override
    public final String getReferenceCategory() {
        return "bank";
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED};
    }
}
