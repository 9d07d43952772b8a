package mn.gov.khur.passkey.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OfferMomentTest {

    @Test
    void aFreshSmsBankOrSignatureLoginIsWorthAnOffer() {
        assertThat(new OfferMoment(false, List.of("pwd", "sms", "mfa"), 1).worthAnOffer()).isTrue();
        assertThat(new OfferMoment(false, List.of("bank"), 1).worthAnOffer()).isTrue();
        assertThat(new OfferMoment(false, List.of("esign_token", "hwk", "pin"), 2).worthAnOffer()).isTrue();
    }

    @Test
    void aReusedSessionIsNot() {
        assertThat(new OfferMoment(true, List.of("pwd", "sms", "mfa"), 1).worthAnOffer()).isFalse();
        assertThat(new OfferMoment(false, List.of(), 1).worthAnOffer()).as("no method ran in this authentication").isFalse();
    }

    @Test
    void aPasskeyLoginIsNotButTellsThatTheCitizenHasOne() {
        assertThat(new OfferMoment(false, List.of("passkey", "hwk", "mfa"), 1).worthAnOffer()).isFalse();
        assertThat(new OfferMoment(false, List.of("passkey", "hwk", "mfa"), 1).passkeyLogin()).isTrue();
        assertThat(new OfferMoment(true, List.of(), 1).passkeyLogin()).isFalse();
        assertThat(new OfferMoment(false, List.of("pwd", "sms", "mfa"), 1).passkeyLogin()).isFalse();
    }

    @Test
    void belowSubstantialIsNot() {
        assertThat(new OfferMoment(false, List.of("pwd"), 0).worthAnOffer()).isFalse();
        assertThat(new OfferMoment(false, List.of("pwd", "sms", "mfa"), -1).worthAnOffer()).isFalse();
    }
}
