package mn.gov.khur.selfservice.flow;

import static org.assertj.core.api.Assertions.assertThat;

import mn.gov.khur.sms.login.ReverseSmsConfigProperties;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

class BankPhoneOfferFactoryTest {

    private final BankPhoneOfferFactory factory = new BankPhoneOfferFactory();

    @Test
    void itsConfigIsTheSmsPageAndTheSimSwapHoldButNoLoginNotice() {
        assertThat(factory.getConfigProperties()).extracting(ProviderConfigProperty::getName).containsExactly(
                ReverseSmsConfigProperties.SHORT_NUMBER, ReverseSmsConfigProperties.CODE_LIFETIME_SECONDS,
                ReverseSmsConfigProperties.MAX_NEW_CODES, SimChangeGuardConfig.HOLD_DAYS);
        assertThat(factory.isConfigurable()).isTrue();
    }

    @Test
    void requiredOrOffAndNotABruteForceCategory() {
        assertThat(factory.getId()).isEqualTo("khur-bank-add-phone");
        assertThat(factory.getRequirementChoices()).containsExactly(Requirement.REQUIRED, Requirement.DISABLED);
        assertThat(factory.getReferenceCategory()).isNull();
    }
}
