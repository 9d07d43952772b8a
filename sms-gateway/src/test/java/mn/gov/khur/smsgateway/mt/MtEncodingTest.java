package mn.gov.khur.smsgateway.mt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MtEncodingTest {

    @Test
    void cyrillicGoesOutAsBigEndianUcs2() {
        MtEncoding encoding = MtEncoding.of("ХУР 0");

        assertThat(encoding.usesPayload()).isFalse();
        assertThat(encoding.shortMessage()).containsExactly(0x04, 0x25, 0x04, 0x23, 0x04, 0x20, 0x00, 0x20, 0x00, 0x30);
    }

    @Test
    void seventyCharactersFitShortMessageLongerTextsGoInMessagePayload() {
        assertThat(MtEncoding.of("я".repeat(70)).usesPayload()).isFalse();
        MtEncoding longer = MtEncoding.of("я".repeat(71));
        assertThat(longer.usesPayload()).isTrue();
        assertThat(longer.shortMessage()).isEmpty();
        assertThat(longer.messagePayload()).hasSize(142);
    }
}
