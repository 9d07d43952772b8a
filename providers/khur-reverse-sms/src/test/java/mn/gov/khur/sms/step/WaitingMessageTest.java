package mn.gov.khur.sms.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.sms.challenge.ChallengePurpose;
import mn.gov.khur.sms.challenge.SmsFeedback;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

/** Issue 21.2: what the waiting page says, per purpose and per SMS that came but did not count. */
class WaitingMessageTest {

    private static final MongolianMobileNumber PHONE = MongolianMobileNumber.parse("+97688123456");
    private static final SmsTarget LOGIN = new SmsTarget(ChallengePurpose.LOGIN, PHONE, "user-1", PHONE.masked());
    private static final SmsTarget PHONE_CHANGE = new SmsTarget(ChallengePurpose.PHONE_CHANGE, PHONE, "user-1", PHONE.masked());
    private static final SmsTarget RECOVERY = new SmsTarget(ChallengePurpose.PASSWORD_RESET, PHONE, "user-1", null);

    @Test
    void notArrivedYetNamesThePhoneThePurposeNeeds() {
        assertThat(said(LOGIN, Optional.empty(), true)).contains(new Said("khurSmsNotYetReceived.login", "+976 88****56"));
        assertThat(said(PHONE_CHANGE, Optional.empty(), true))
                .contains(new Said("khurSmsNotYetReceived.phone-change", "+976 88****56"));
        assertThat(said(RECOVERY, Optional.empty(), true)).contains(new Said("khurSmsNotYetReceived.password-reset", ""));
    }

    @Test
    void openingThePageSaysNothingUntilSomethingCame() {
        assertThat(said(LOGIN, Optional.empty(), false)).isEmpty();
        assertThat(said(LOGIN, Optional.of(SmsFeedback.WRONG_CODE), false))
                .contains(new Said("khurSmsWrongCode", "+976 88****56"));
    }

    @Test
    void theCodeFromAnotherNumberNamesTheExpectedPhoneOnlyWhereThePageShowsIt() {
        assertThat(said(PHONE_CHANGE, Optional.of(SmsFeedback.OTHER_NUMBER), true))
                .contains(new Said("khurSmsOtherNumber", "+976 88****56"));
        assertThat(said(RECOVERY, Optional.of(SmsFeedback.OTHER_NUMBER), true)).contains(new Said("khurSmsOtherNumberNoPhone", ""));
    }

    @Test
    void aPageThatNamesNoPhoneNeverTellsAWrongCode() {
        assertThat(said(RECOVERY, Optional.of(SmsFeedback.WRONG_CODE), true))
                .contains(new Said("khurSmsNotYetReceived.password-reset", ""));
        assertThat(said(RECOVERY, Optional.of(SmsFeedback.WRONG_CODE), false)).isEmpty();
    }

    private record Said(String key, String phone) {
    }

    private static Optional<Said> said(SmsTarget target, Optional<SmsFeedback> feedback, boolean continuePressed) {
        Optional<FormMessage> message = WaitingMessage.of(target, "130092", feedback, continuePressed);
        message.ifPresent(m -> assertThat(List.of(m.getParameters())).element(1).isEqualTo("130092"));
        return message.map(m -> new Said(m.getMessage(), (String) m.getParameters()[0]));
    }
}
