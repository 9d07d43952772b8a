package mn.gov.khur.sandbox.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SandboxCitizensTest {

    /** Two Mongolian Cyrillic capitals, YY, MM (+20 when born 2000 or later), DD, two digits. */
    private static final Pattern REGISTER_NUMBER =
            Pattern.compile("([А-ЯЁӨҮ]{2})(\\d{2})(\\d{2})(\\d{2})(\\d)(\\d)");

    private final List<SandboxCitizen> citizens = SandboxCitizens.load().all();

    @Test
    void hasFiveCitizensWithTheAgreedPhones() {
        assertThat(citizens).extracting(SandboxCitizen::phone).containsExactly(
                "+97699112233", "+97688123456", "+97695001122", "+97680112233", "+97686001234");
    }

    @Test
    void registerNumbersAreValidAndMatchTheBirthdate() {
        for (SandboxCitizen c : citizens) {
            Matcher m = REGISTER_NUMBER.matcher(c.registerNumber());
            assertThat(m.matches()).as(c.registerNumber()).isTrue();
            int yy = Integer.parseInt(m.group(2));
            int mm = Integer.parseInt(m.group(3));
            int year = mm > 20 ? 2000 + yy : 1900 + yy;
            LocalDate born = LocalDate.of(year, mm > 20 ? mm - 20 : mm, Integer.parseInt(m.group(4)));
            assertThat(born).as(c.registerNumber()).isEqualTo(c.birthdate());
        }
        assertThat(citizens).extracting(SandboxCitizen::registerNumber).doesNotHaveDuplicates();
    }

    @Test
    void namesAreMongolianCyrillicAndPasswordsMeetThePolicy() {
        for (SandboxCitizen c : citizens) {
            assertThat(c.givenName()).matches("[А-ЯЁӨҮа-яёөү-]+");
            assertThat(c.familyName()).matches("[А-ЯЁӨҮа-яёөү-]+");
            assertThat(c.phone()).matches("\\+976\\d{8}");
            assertThat(c.password()).hasSizeGreaterThanOrEqualTo(8).matches(".*[A-Z].*")
                    .matches(".*[a-z].*").matches(".*\\d.*");
        }
    }

    @Test
    void usernameIsTheLowerCaseRegisterNumber() {
        assertThat(citizens.getFirst().username()).isEqualTo("уб99112233");
    }
}
