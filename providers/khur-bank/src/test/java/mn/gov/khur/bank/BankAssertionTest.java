package mn.gov.khur.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;

import org.junit.jupiter.api.Test;

class BankAssertionTest {

    private static final BankTrust TRUSTED = BankTrust.from(Map.of(BankTrust.ASSERTS_REGISTER_NUMBER, "true"));
    private static final int NONE_REQUESTED = -1;

    private static BankAssertion asserting(String rn, String acr) {
        RegisterNumberClaim.Outcome outcome = RegisterNumberClaim.read(rn);
        return new BankAssertion("khanbank", "sub-1", outcome.registerNumber(), outcome.problem(), Optional.ofNullable(acr));
    }

    @Test
    void aTrustedBankWithAValidNumberPasses() {
        assertThat(asserting("УБ99112233", null).refusal(TRUSTED, NONE_REQUESTED)).isEmpty();
        assertThat(asserting("УБ99112233", null).refusal(TRUSTED, 1)).isEmpty();
    }

    @Test
    void aBankNotConfiguredAsAssertingRegisterNumbersLogsNobodyIn() {
        assertThat(asserting("УБ99112233", null).refusal(BankTrust.from(Map.of()), NONE_REQUESTED)).contains(BankRefusal.BANK_NOT_TRUSTED);
        assertThat(asserting("УБ99112233", null).refusal(BankTrust.from(null), NONE_REQUESTED)).contains(BankRefusal.BANK_NOT_TRUSTED);
        assertThat(asserting("УБ99112233", null).refusal(BankTrust.from(Map.of(BankTrust.ASSERTS_REGISTER_NUMBER, "yes")), NONE_REQUESTED))
                .contains(BankRefusal.BANK_NOT_TRUSTED);
    }

    @Test
    void missingAndInvalidNumbersAreRefusedDistinctly() {
        assertThat(asserting(null, null).refusal(TRUSTED, NONE_REQUESTED)).contains(BankRefusal.REGISTER_NUMBER_MISSING);
        assertThat(asserting("УБ9911", null).refusal(TRUSTED, NONE_REQUESTED)).contains(BankRefusal.REGISTER_NUMBER_INVALID);
    }

    @Test
    void theBanksAcrIsCheckedWhenConfigured() {
        BankTrust acrChecked = BankTrust.from(Map.of(BankTrust.ASSERTS_REGISTER_NUMBER, "true", BankTrust.ACCEPTED_ACR, "loa2, loa3"));
        assertThat(acrChecked.acceptedAcr()).containsExactlyInAnyOrder("loa2", "loa3");
        assertThat(asserting("УБ99112233", "loa3").refusal(acrChecked, NONE_REQUESTED)).isEmpty();
        assertThat(asserting("УБ99112233", "loa1").refusal(acrChecked, NONE_REQUESTED)).contains(BankRefusal.BANK_ACR_NOT_ACCEPTED);
        assertThat(asserting("УБ99112233", null).refusal(acrChecked, NONE_REQUESTED)).contains(BankRefusal.BANK_ACR_NOT_ACCEPTED);
    }

    @Test
    void aRequestForHighIsNotMetByABank() {
        assertThat(asserting("УБ99112233", null).refusal(TRUSTED, 2)).contains(BankRefusal.ASSURANCE_TOO_LOW);
    }

    @Test
    void birthDateAndGenderComeFromTheNumber() {
        RegisterNumber rn = RegisterNumberClaim.read("уб99112233").registerNumber().orElseThrow();
        assertThat(rn.birthDate()).hasToString("1999-11-22");
        assertThat(rn.username()).isEqualTo("уб99112233");
    }
}
