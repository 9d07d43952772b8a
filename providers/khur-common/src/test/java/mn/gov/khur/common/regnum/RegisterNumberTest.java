package mn.gov.khur.common.regnum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterNumberTest {

    private static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");
    private static final Clock MID_2026 = Clock.fixed(
            LocalDate.of(2026, 6, 15).atStartOfDay(ULAANBAATAR).plusHours(12).toInstant(), ULAANBAATAR);

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            УБ99112233       | УБ99112233 | 1999-11-22 | MALE
            уб99112233       | УБ99112233 | 1999-11-22 | MALE
            Уб 9911 2233     | УБ99112233 | 1999-11-22 | MALE
            '  уб99112233  ' | УБ99112233 | 1999-11-22 | MALE
            ӨҮ01220544       | ӨҮ01220544 | 2001-02-05 | FEMALE
            өү01220544       | ӨҮ01220544 | 2001-02-05 | FEMALE
            ЁЯ00222915       | ЁЯ00222915 | 2000-02-29 | MALE
            ЩЪ96022912       | ЩЪ96022912 | 1996-02-29 | MALE
            АА00010100       | АА00010100 | 1900-01-01 | FEMALE
            ЫЬ99123198       | ЫЬ99123198 | 1999-12-31 | MALE
            ЭЮ00210180       | ЭЮ00210180 | 2000-01-01 | FEMALE
            ЙЖ10321270       | ЙЖ10321270 | 2010-12-12 | MALE
            ЦЧ26261555       | ЦЧ26261555 | 2026-06-15 | MALE
            """)
    void acceptsValidNumbers(String input, String canonical, LocalDate birthDate, Gender gender) {
        RegisterNumber number = RegisterNumber.parse(input, MID_2026);

        assertThat(number.value()).isEqualTo(canonical);
        assertThat(number.toString()).isEqualTo(canonical);
        assertThat(number.username()).isEqualTo(canonical.toLowerCase(java.util.Locale.ROOT));
        assertThat(number.birthDate()).isEqualTo(birthDate);
        assertThat(number.gender()).isEqualTo(gender);
    }

    static Stream<Arguments> unusualButValidInput() {
        return Stream.of(
                Arguments.of("\tУБ99112233\n", "tab and newline around"),
                Arguments.of("УБ\u00A099112233", "no-break space inside"),
                Arguments.of("УБ\u202F9911\u20072233", "narrow and figure spaces inside"),
                Arguments.of("У Б 9 9 1 1 2 2 3 3", "a space after every character"),
                Arguments.of("\u0423\u0431\u0020\u0039\u0039\u0031\u0031\u0032\u0032\u0033\u0033", "escapes"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("unusualButValidInput")
    void normalisesWhitespaceAndCase(String input, String description) {
        assertThat(RegisterNumber.parse(input).value()).isEqualTo("УБ99112233");
    }

    @Test
    void decomposedLettersEqualPrecomposedOnes() {
        // Е + combining diaeresis is canonically the same letter as Ё; И + breve is Й.
        assertThat(RegisterNumber.parse("Е\u0308Я00222915").value()).isEqualTo("ЁЯ00222915");
        assertThat(RegisterNumber.parse("и\u0306ж10321270").value()).isEqualTo("ЙЖ10321270");
    }

    @Test
    void usernameIsLowerCaseAndParsesBackToTheSameNumber() {
        RegisterNumber number = RegisterNumber.parse("ӨҮ01220544");

        assertThat(number.username()).isEqualTo("өү01220544");
        assertThat(RegisterNumber.parse(number.username())).isEqualTo(number);
    }

    @Test
    void equalityIsByCanonicalValue() {
        assertThat(RegisterNumber.parse(" уб 99112233"))
                .isEqualTo(RegisterNumber.parse("УБ99112233"))
                .hasSameHashCodeAs(RegisterNumber.parse("УБ99112233"))
                .isNotEqualTo(RegisterNumber.parse("УБ99112234"));
    }

    @Test
    void acceptsEveryLetterOfTheMongolianAlphabetInBothCases() {
        String alphabet = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
        assertThat(alphabet).hasSize(35);
        for (char letter : alphabet.toCharArray()) {
            String upper = "" + letter + letter + "99112233";
            String lower = upper.toLowerCase(java.util.Locale.ROOT);
            assertThat(RegisterNumber.parse(upper).value()).isEqualTo(upper);
            assertThat(RegisterNumber.parse(lower).value()).isEqualTo(upper);
        }
    }

    // --- rejections, each with its exact message key ---

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u00A0\u2007"})
    void rejectsEmptyInput(String input) {
        assertRejected(input, RegisterNumberError.EMPTY, "khurRegnumEmpty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "УБ9911223",      // 9 characters
        "УБ991122334",    // 11 characters
        "У99112233",      // one letter missing
        "УБВ99112233",    // three letters
        "УБ",
        "9",
        "УБ 9911 2233 4",
        "УБ9911-2233",    // the dash is not removed, so it is 11 characters
        "УБ99112233УБ99112233",
    })
    void rejectsWrongLength(String input) {
        assertRejected(input, RegisterNumberError.LENGTH, "khurRegnumLength");
    }

    @Test
    void rejectsOverlongInputWithoutNormalisingIt() {
        assertRejected(" ".repeat(100) + "УБ99112233", RegisterNumberError.LENGTH, "khurRegnumLength");
        assertRejected("У".repeat(10_000), RegisterNumberError.LENGTH, "khurRegnumLength");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AB99112233",     // Latin A, Latin B
        "ab99112233",     // Latin a, b
        "AБ99112233",     // Latin A + Cyrillic Б
        "УB99112233",     // Cyrillic У + Latin B
        "YБ99112233",     // Latin Y, looks like У
        "OP99112233",     // Latin O, P: look like О, Р
        "CX99112233",     // Latin C, X: look like С, Х
        "UB99112233",     // transliterated УБ
        "ub 9911 2233",   // the same, lower case with inner spaces
        "УＢ99112233",    // full-width Latin B
        "UB9911",         // Latin letters are told before the length
    })
    void rejectsLatinLettersWithTheirOwnReasonNeverMappingThem(String input) {
        assertRejected(input, RegisterNumberError.LATIN_LETTERS, "khurRegnumLatin");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ΑΒ99112233",     // Greek Alpha, Beta
        "ҚБ99112233",     // Kazakh Қ: Cyrillic but not Mongolian
        "ІБ99112233",     // Ukrainian І
        "ЄЇ99112233",     // Ukrainian Є, Ї
        "ЎБ99112233",     // Belarusian Ў
        "\u1C80Б99112233", // Cyrillic small rounded ve: upper-cases to В with toUpperCase
        "9Б99112233",
        "1299112233",
        "У-99112233",
    })
    void rejectsLettersOutsideTheMongolianCyrillicAlphabet(String input) {
        assertRejected(input, RegisterNumberError.LETTERS, "khurRegnumLetters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "УБ9911223А",
        "УБ991122-3",
        "УБ991122ЗЗ",       // Cyrillic Ze looks like 3
        "УБ٩٩١١٢٢٣٣",       // Arabic-Indic digits
        "УБ９９１１２２３３", // full-width digits
        "УБ᠙᠙᠑᠑᠒᠒᠓᠓",       // Mongolian script digits
        "УБO9112233",       // Latin O for zero
        "УБ99ll2233",       // Latin l for one
    })
    void rejectsNonAsciiDigits(String input) {
        assertRejected(input, RegisterNumberError.DIGITS, "khurRegnumDigits");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            УБ99132233 | month 13
            УБ99002233 | month 00 (1900s)
            УБ01202233 | month 20 (2000s month 00)
            УБ01332233 | month 33
            УБ01992233 | month 99
            УБ99023033 | 30 February
            УБ99022933 | 29 February 1999 (not a leap year)
            УБ01222933 | 29 February 2001 (not a leap year)
            УБ00022933 | 29 February 1900 (not a leap year)
            УБ99110033 | day 00
            УБ99013233 | day 32
            УБ99043133 | 31 April
            УБ01263133 | 31 June 2001
            УБ26261633 | tomorrow (16 June 2026)
            УБ27210133 | next year
            УБ99321233 | 2099
            """)
    void rejectsDatesThatDoNotExistOrAreInTheFuture(String input, String why) {
        assertThatThrownBy(() -> RegisterNumber.parse(input, MID_2026))
                .isInstanceOfSatisfying(InvalidRegisterNumberException.class, e -> {
                    assertThat(e.error()).isEqualTo(RegisterNumberError.DATE);
                    assertThat(e.messageKey()).isEqualTo("khurRegnumDate");
                });
    }

    @Test
    void todayIsTheLastValidBirthDateOnTheRealClock() {
        LocalDate today = LocalDate.now(ULAANBAATAR);
        String yymmdd = String.format("%02d%02d%02d", today.getYear() % 100, today.getMonthValue() + 20, today.getDayOfMonth());
        assertThat(RegisterNumber.parse("УБ" + yymmdd + "00").birthDate()).isEqualTo(today);
        assertRejected("УБ99321233", RegisterNumberError.DATE, "khurRegnumDate");
    }

    @Test
    void tryParseIsEmptyForInvalidInput() {
        assertThat(RegisterNumber.tryParse("УБ99112233")).contains(RegisterNumber.parse("УБ99112233"));
        assertThat(RegisterNumber.tryParse(null)).isEmpty();
        assertThat(RegisterNumber.tryParse("AB99112233")).isEmpty();
        assertThat(RegisterNumber.tryParse("УБ99132233")).isEmpty();
    }

    @Test
    void exceptionMessageIsTheKeyAndNeverTheInput() {
        assertThatThrownBy(() -> RegisterNumber.parse("УБ99132233"))
                .hasMessage("khurRegnumDate")
                .message().doesNotContain("УБ");
    }

    @Test
    void messageKeysAreDistinctAndPrefixed() {
        assertThat(RegisterNumberError.values())
                .extracting(RegisterNumberError::messageKey)
                .containsExactly("khurRegnumEmpty", "khurRegnumLatin", "khurRegnumLength", "khurRegnumLetters",
                        "khurRegnumDigits", "khurRegnumDate")
                .doesNotHaveDuplicates();
    }

    private static void assertRejected(String input, RegisterNumberError error, String messageKey) {
        assertThatThrownBy(() -> RegisterNumber.parse(input, MID_2026))
                .isInstanceOfSatisfying(InvalidRegisterNumberException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.messageKey()).isEqualTo(messageKey);
                    assertThat(e).hasMessage(messageKey);
                });
    }
}
