package mn.gov.khur.sandbox.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void basicTableHas128Septets() {
        assertThat(Gsm7.BASIC).hasSize(128);
        assertThat(Gsm7.BASIC.indexOf('@')).isZero();
        assertThat(Gsm7.BASIC.indexOf('A')).isEqualTo(0x41);
        assertThat(Gsm7.BASIC.indexOf('à')).isEqualTo(0x7F);
    }

    @Test
    void encodesBasicAndExtensionCharacters() {
        assertThat(Gsm7.encode("A@1")).contains(new byte[] {0x41, 0x00, 0x31});
        assertThat(Gsm7.encode("€[")).contains(new byte[] {0x1B, 0x65, 0x1B, 0x3C});
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        assertThat(Gsm7.encode("Сайн")).isEmpty();
        assertThat(Gsm7.encode("\u001B")).isEmpty();
    }
}
