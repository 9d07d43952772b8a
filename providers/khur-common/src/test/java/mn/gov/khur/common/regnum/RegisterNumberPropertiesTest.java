package mn.gov.khur.common.regnum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

class RegisterNumberPropertiesTest {

    private static final String MONGOLIAN = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    /** Latin capitals that look like Mongolian Cyrillic ones (А В Е К М Н О Р С Т У Х). */
    private static final String LATIN_LOOK_ALIKES = "ABEKMHOPCTYXaeopcyx";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final ZoneId ULAANBAATAR = ZoneId.of("Asia/Ulaanbaatar");
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ULAANBAATAR).toInstant(), ULAANBAATAR);

    /** A valid number built from its parts, so the expected date and gender are known. */
    record Generated(char first, char second, LocalDate birthDate, int serial) {
        String canonical() {
            int month = birthDate.getMonthValue() + (birthDate.getYear() >= 2000 ? 20 : 0);
            return String.format("%c%c%02d%02d%02d%02d",
                    first, second, birthDate.getYear() % 100, month, birthDate.getDayOfMonth(), serial);
        }

        Gender expectedGender() {
            return (serial / 10) % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        }
    }

    @Provide
    Arbitrary<Generated> validNumbers() {
        Arbitrary<Character> letter = Arbitraries.of(chars(MONGOLIAN));
        Arbitrary<LocalDate> birthDate = Dates.dates().between(LocalDate.of(1900, 1, 1), TODAY);
        Arbitrary<Integer> serial = Arbitraries.integers().between(0, 99);
        return Combinators.combine(letter, letter, birthDate, serial).as(Generated::new);
    }

    @Property
    @Label("canonical input parses to itself, with the generated birth date and gender")
    void canonicalRoundTrip(@ForAll("validNumbers") Generated generated) {
        RegisterNumber number = RegisterNumber.parse(generated.canonical(), CLOCK);

        assertThat(number.value()).isEqualTo(generated.canonical());
        assertThat(number.birthDate()).isEqualTo(generated.birthDate());
        assertThat(number.gender()).isEqualTo(generated.expectedGender());
    }

    @Property
    @Label("lower-case, space-padded and space-split input gives the same number")
    void messyInputRoundTrips(@ForAll("validNumbers") Generated generated,
                              @ForAll @IntRange(min = 0, max = 3) int leading,
                              @ForAll @IntRange(min = 0, max = 3) int trailing,
                              @ForAll @IntRange(min = 0, max = 10) int splitAt,
                              @ForAll boolean lowerCase) {
        String canonical = generated.canonical();
        String body = lowerCase ? canonical.toLowerCase(Locale.ROOT) : canonical;
        String messy = " ".repeat(leading) + body.substring(0, splitAt) + " " + body.substring(splitAt) + "\t".repeat(trailing);

        assertThat(RegisterNumber.parse(messy, CLOCK)).isEqualTo(RegisterNumber.parse(canonical, CLOCK));
        assertThat(RegisterNumber.parse(messy, CLOCK).value()).isEqualTo(canonical);
    }

    @Property
    @Label("the username is the lower-case canonical form and parses back")
    void usernameRoundTrips(@ForAll("validNumbers") Generated generated) {
        RegisterNumber number = RegisterNumber.parse(generated.canonical(), CLOCK);

        assertThat(number.username()).isEqualTo(generated.canonical().toLowerCase(Locale.ROOT));
        assertThat(RegisterNumber.parse(number.username(), CLOCK)).isEqualTo(number);
    }

    @Property
    @Label("gender follows the parity of the 9th character")
    void genderParity(@ForAll("validNumbers") Generated generated) {
        RegisterNumber number = RegisterNumber.parse(generated.canonical(), CLOCK);
        int ninth = number.value().charAt(8) - '0';

        assertThat(number.gender()).isEqualTo(ninth % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    @Property
    @Label("months 00, 13..20 and 33..99 are never a date")
    void impossibleMonthsAreRejected(@ForAll("validNumbers") Generated generated,
                                     @ForAll("impossibleMonths") int month) {
        String canonical = generated.canonical();
        String withMonth = canonical.substring(0, 4) + String.format("%02d", month) + canonical.substring(6);

        assertRejected(withMonth, RegisterNumberError.DATE);
    }

    @Provide
    Arbitrary<Integer> impossibleMonths() {
        return Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(13, 20),
                Arbitraries.integers().between(33, 99));
    }

    @Property
    @Label("days beyond the end of the month are rejected")
    void daysPastMonthEndAreRejected(@ForAll("validNumbers") Generated generated,
                                     @ForAll @IntRange(min = 1, max = 68) int daysPast) {
        LocalDate date = generated.birthDate();
        int day = date.lengthOfMonth() + daysPast;
        String canonical = generated.canonical();
        String withDay = canonical.substring(0, 6) + String.format("%02d", Math.min(day, 99)) + canonical.substring(8);

        assertRejected(withDay, RegisterNumberError.DATE);
    }

    @Property
    @Label("a Latin look-alike in either letter position is rejected, never mapped")
    void latinLookAlikesAreRejected(@ForAll("validNumbers") Generated generated,
                                    @ForAll("latinLookAlikes") char latin,
                                    @ForAll @IntRange(min = 0, max = 1) int position) {
        StringBuilder spoofed = new StringBuilder(generated.canonical());
        spoofed.setCharAt(position, latin);

        assertRejected(spoofed.toString(), RegisterNumberError.LATIN_LETTERS);
    }

    @Provide
    Arbitrary<Character> latinLookAlikes() {
        return Arbitraries.of(chars(LATIN_LOOK_ALIKES));
    }

    @Property(tries = 2000)
    @Label("arbitrary input either parses or fails with a message key, nothing else")
    void arbitraryInputNeverFailsUnexpectedly(@ForAll String input) {
        try {
            RegisterNumber number = RegisterNumber.parse(input, CLOCK);
            assertThat(RegisterNumber.parse(number.value(), CLOCK)).isEqualTo(number);
        } catch (InvalidRegisterNumberException e) {
            assertThat(e.messageKey()).startsWith("khurRegnum");
        }
    }

    private static void assertRejected(String input, RegisterNumberError error) {
        assertThatThrownBy(() -> RegisterNumber.parse(input, CLOCK))
                .isInstanceOfSatisfying(InvalidRegisterNumberException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(error.messageKey()));
    }

    private static List<Character> chars(String s) {
        return s.chars().mapToObj(c -> (char) c).toList();
    }
}
