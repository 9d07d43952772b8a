package mn.gov.khur.esign.sim;

import static org.assertj.core.api.Assertions.assertThat;

import mn.gov.khur.esign.push.PushSignatureService.PushAnswer;

import org.junit.jupiter.api.Test;

class MsspSignatureServiceTest {

    @Test
    void aPhoneWithoutASimSignatureIsNoSigningKeyNotAMessageOfItsOwn() {
        assertThat(MsspSignatureService.refused(MsspStatus.UNKNOWN_CLIENT)).isEqualTo(new PushAnswer.NoSigningKey("unknown_subscriber"));
        assertThat(MsspSignatureService.refused(MsspStatus.NO_CERT_FOUND)).isEqualTo(new PushAnswer.NoSigningKey("unknown_subscriber"));
        assertThat(MsspSignatureService.refused(MsspStatus.USER_CANCEL)).isEqualTo(new PushAnswer.Refused("khurEsignCancelled", "user_cancel"));
    }
}
