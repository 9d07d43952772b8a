package mn.gov.khur.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +97699112233       | +976 99****33
            97699112233        | +976 99****33
            99112233           | +976 99****33
            9911-2233          | +976 99****33
            +976 8812 3456     | +976 88****56
            +97611312345       | +*********45
            11312345           | ******45
            +79123456789       | +*********89
            +8613812345678     | +***********78
            99112233x          | ******33
            1234567            | ***
            abc                | ***
            1234567890123456   | ***
            """)
    void masksPhoneNumbersInAnyForm(String input, String expected) {
        assertThat(Masking.maskMsisdn(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void missingValuesAreShownAsNone(String input) {
        assertThat(Masking.maskMsisdn(input)).isEqualTo("(none)");
        assertThat(Masking.maskRegisterNumber(input)).isEqualTo("(none)");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            УБ99112233      | УБ******33
            ' уб 9911 2233' | УБ******33
            ӨҮ01220544      | ӨҮ******44
            УБ99132233      | УБ******33
            AB99112233      | ***
            УБ9911223       | ***
            hunter2         | ***
            """)
    void masksRegisterNumbers(String input, String expected) {
        assertThat(Masking.maskRegisterNumber(input)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void maskingNeverThrowsNorEchoesLineBreaksOrMarkup(@ForAll String input) {
        for (String masked : new String[] {Masking.maskMsisdn(input), Masking.maskRegisterNumber(input)}) {
            assertThat(masked).doesNotContain("\n", "\r", "<", ">", "\"");
        }
    }

    @Test
    void craftedLogLinesAreNotEchoed() {
        assertThat(Masking.maskMsisdn("99112233\r\nINFO login ok")).isEqualTo("******33");
        assertThat(Masking.maskMsisdn("99112233\r\nINFO fake entry 99887766")).isEqualTo("***"); // 16 digits: not one number
        assertThat(Masking.maskRegisterNumber("УБ99112233\nINFO fake")).isEqualTo("***");
    }
}
