package mn.gov.khur.common.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ranges checked against libphonenumber 9.0.19 (region MN): mobile are 50, 55, 60, 66,
 * 69, 72, 78, 80, 81, 83, 85, 86, 88, 89, 90, 91, 920/921/923/929, 93..99; 11, 12, 21,
 * 22, 53, 56, 58, 70 are fixed lines; 71, 75, 76, 77, 79 are VoIP.
 */
class MongolianMobileNumberTest {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "+97699112233",
        "97699112233",
        "99112233",
        "+976 9911 2233",
        "+976 99 11 22 33",
        "976 9911 2233",
        "9911 2233",
        "9911-2233",
        "+976-9911-2233",
        "(+976) 9911-2233",
        "  99112233  ",
        "\t+97699112233\n",
        "9911\u00A02233",
    })
    void acceptsEveryDocumentedForm(String input) {
        MongolianMobileNumber number = MongolianMobileNumber.parse(input);

        assertThat(number.e164()).isEqualTo("+97699112233");
        assertThat(number.national()).isEqualTo("99112233");
        assertThat(number.masked()).isEqualTo("+976 99****33");
    }

    @ParameterizedTest(name = "[{index}] {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            99112233 | Mobicom
            95123456 | Mobicom
            94123456 | Mobicom
            85123456 | Mobicom
            88123456 | Unitel
            89123456 | Unitel
            86123456 | Unitel
            80123456 | Unitel
            91123456 | Skytel
            96123456 | Skytel
            90123456 | Skytel
            92012345 | Skytel 920
            98123456 | G-Mobile
            97123456 | G-Mobile
            93123456 | G-Mobile
            83123456 | G-Mobile
            60123456 | Ondo
            """)
    void acceptsOperatorMobileRanges(String national, String operator) {
        MongolianMobileNumber number = MongolianMobileNumber.parse("+976" + national);

        assertThat(number.national()).isEqualTo(national);
        assertThat(MongolianMobileNumber.parse(national)).isEqualTo(number);
        assertThat(MongolianMobileNumber.parse("976" + national)).isEqualTo(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "-", "( )", "\u00A0"})
    void rejectsEmptyInput(String input) {
        assertRejected(input, PhoneNumberError.EMPTY, "khurPhoneEmpty");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "9911223",             // 7 digits
        "991122334",           // 9 digits
        "+976991122",          // too short after the country code
        "+976991122334",       // too long after the country code
        "9769911223",          // 976 + 7 digits
        "0097699112233",       // international dialling prefix is not an accepted form
        "099112233",           // trunk prefix is not an accepted form
        "99112233x",           // libphonenumber alone would ignore the trailing text
        "99112233 ext 1",
        "99.11.22.33",
        "+976/99112233",
        "++97699112233",
        "+",
        "abc",
        "tel:+97699112233",
        "９９１１２２３３",      // full-width digits
        "٩٩١١٢٢٣٣",            // Arabic-Indic digits
        "10112233",            // unassigned range
        "+97640112233",        // unassigned range
        "+99112233",           // no such country code
        "79123456789",         // a foreign number without its +
        "123456789012345678901234567890123", // overlong
    })
    void rejectsWhatIsNotAPhoneNumber(String input) {
        assertRejected(input, PhoneNumberError.INVALID, "khurPhoneInvalid");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            +97611312345     | Ulaanbaatar landline
            11312345         | Ulaanbaatar landline, national
            +97670123456     | landline 70
            70123456         | landline 70, national
            976 7012 3456    | landline 70, without +
            21123456         | landline 21
            53123456         | landline 53
            75112233         | VoIP 75
            +97677112233     | VoIP 77
            +79123456789     | Russian mobile
            +8613812345678   | Chinese mobile
            +82 10-1234-5678 | Korean mobile
            +12025550123     | United States
            +447911123456    | United Kingdom mobile
            """)
    void rejectsLandlinesVoipAndForeignNumbers(String input, String what) {
        assertRejected(input, PhoneNumberError.NOT_MONGOLIAN_MOBILE, "khurPhoneNotMongolianMobile");
    }

    @Test
    void formsAreConsistent() {
        MongolianMobileNumber number = MongolianMobileNumber.parse("8812-3456");

        assertThat(number.e164()).isEqualTo("+97688123456");
        assertThat(number.national()).isEqualTo("88123456");
        assertThat(number.masked()).isEqualTo("+976 88****56");
        assertThat(MongolianMobileNumber.parse(number.e164())).isEqualTo(number).hasSameHashCodeAs(number);
        assertThat(number).isNotEqualTo(MongolianMobileNumber.parse("88123457"));
    }

    @Test
    void toStringIsMaskedSoAccidentalLoggingLeaksNothing() {
        assertThat(MongolianMobileNumber.parse("99112233")).hasToString("+976 99****33");
    }

    @Test
    void tryParseIsEmptyForInvalidInput() {
        assertThat(MongolianMobileNumber.tryParse("+97699112233")).contains(MongolianMobileNumber.parse("99112233"));
        assertThat(MongolianMobileNumber.tryParse(null)).isEmpty();
        assertThat(MongolianMobileNumber.tryParse("11312345")).isEmpty();
        assertThat(MongolianMobileNumber.tryParse("garbage")).isEmpty();
    }

    @Test
    void exceptionMessageIsTheKeyAndNeverTheInput() {
        assertThatThrownBy(() -> MongolianMobileNumber.parse("+97611312345"))
                .hasMessage("khurPhoneNotMongolianMobile");
    }

    @Test
    void messageKeys() {
        assertThat(PhoneNumberError.values())
                .extracting(PhoneNumberError::messageKey)
                .containsExactly("khurPhoneEmpty", "khurPhoneInvalid", "khurPhoneNotMongolianMobile");
    }

    private static void assertRejected(String input, PhoneNumberError error, String messageKey) {
        assertThatThrownBy(() -> MongolianMobileNumber.parse(input))
                .isInstanceOfSatisfying(InvalidPhoneNumberException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                    assertThat(e).hasMessage(messageKey);
                });
    }
}
