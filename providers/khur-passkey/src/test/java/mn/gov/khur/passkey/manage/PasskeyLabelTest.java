package mn.gov.khur.passkey.manage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasskeyLabelTest {

    @Test
    void aNameIsTrimmedAndKept() {
        assertThat(PasskeyLabel.parse("  Ээжийн утас ")).contains("Ээжийн утас");
        assertThat(PasskeyLabel.parse("Chrome, Android")).contains("Chrome, Android");
    }

    @Test
    void emptyTooLongAndControlCharactersAreRefused() {
        assertThat(PasskeyLabel.parse(null)).isEmpty();
        assertThat(PasskeyLabel.parse("   ")).isEmpty();
        assertThat(PasskeyLabel.parse("я".repeat(64))).isPresent();
        assertThat(PasskeyLabel.parse("я".repeat(65))).isEmpty();
        assertThat(PasskeyLabel.parse("a\nb")).isEmpty();
        assertThat(PasskeyLabel.parse("a\u202Eb")).as("bidi override").isEmpty();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(PasskeyLabel.parse("😀".repeat(64))).isPresent();
    }
}
