package mn.gov.khur.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void equalStringsMatch() {
        assertThat(ConstantTime.equals("482913", "482913")).isTrue();
        assertThat(ConstantTime.equals("", "")).isTrue();
        assertThat(ConstantTime.equals("өү01220544", "өү01220544")).isTrue();
    }

    @Test
    void differentStringsDoNotMatch() {
        assertThat(ConstantTime.equals("482913", "482914")).isFalse();
        assertThat(ConstantTime.equals("482913", "48291")).isFalse();
        assertThat(ConstantTime.equals("48291", "482913")).isFalse();
        assertThat(ConstantTime.equals("", "482913")).isFalse();
        assertThat(ConstantTime.equals("482913", "")).isFalse();
        assertThat(ConstantTime.equals("ө", "Ө")).isFalse();
    }

    @Test
    void nullNeverMatchesNotEvenNull() {
        assertThat(ConstantTime.equals(null, "482913")).isFalse();
        assertThat(ConstantTime.equals("482913", null)).isFalse();
        assertThat(ConstantTime.equals(null, null)).isFalse();
    }

    @Property
    void agreesWithStringEquals(@ForAll String a, @ForAll String b) {
        assertThat(ConstantTime.equals(a, b)).isEqualTo(a.equals(b));
        assertThat(ConstantTime.equals(a, a)).isTrue();
    }
}
