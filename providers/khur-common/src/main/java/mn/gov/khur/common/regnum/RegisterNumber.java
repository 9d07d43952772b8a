package mn.gov.khur.common.regnum;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Mongolian citizen's register number (регистрийн дугаар), e.g. {@code УБ99112233}:
 * two Mongolian Cyrillic capital letters, then {@code YYMMDD} of the birth date (month
 * plus 20 for people born from 2000 on), then two digits; the first of those two is odd
 * for men and even for women. The last digit is a check digit whose algorithm is not
 * published, so it is deliberately not verified.
 *
 * <p>Instances exist only for valid numbers and are always in canonical form.
 */
public final class RegisterNumber {

    /** The 35 letters of the Mongolian Cyrillic alphabet, Ө and Ү included. */
    private static final String MONGOLIAN_CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ";
    private static final String MONGOLIAN_SMALLS = MONGOLIAN_CAPITALS.toLowerCase(Locale.ROOT);

    private static final int LETTER_COUNT = 2;
    private static final int DIGIT_COUNT = 8;
    private static final int LENGTH = LETTER_COUNT + DIGIT_COUNT;
    /** Longer raw input is rejected before any work is done on it. */
    private static final int MAX_RAW_LENGTH = 64;
    private static final int MILLENNIUM_MONTH_OFFSET = 20;

    /** "Today" is the registry's day: a child born this morning in Ulaanbaatar is valid. */
    private static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Ulaanbaatar");

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private RegisterNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /**
     * Parses user input: surrounding and inner whitespace is ignored and Mongolian
     * letters may be lower case. Latin letters ("UB…", look-alikes like "A", "B") are rejected
     * with {@link RegisterNumberError#LATIN_LETTERS}, never mapped, so a spoofed number cannot
     * pass for a real one and the citizen is told to type Cyrillic.
     *
     * @throws InvalidRegisterNumberException with the precise reason
     */
    public static RegisterNumber parse(String input) {
        return parse(input, Clock.system(REGISTRY_ZONE));
    }

    /** As {@link #parse(String)}, with "today" (for the future-birth check) from {@code clock}. */
    public static RegisterNumber parse(String input, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (input != null && input.length() > MAX_RAW_LENGTH) {
            throw new InvalidRegisterNumberException(RegisterNumberError.LENGTH);
        }
        String canonical = normalize(input);
        if (canonical.isEmpty()) {
            throw new InvalidRegisterNumberException(RegisterNumberError.EMPTY);
        }
        if (startsWithLatinLetter(canonical)) {
            // before the length: "use Cyrillic letters" is what a citizen typing UB… needs to hear first
            throw new InvalidRegisterNumberException(RegisterNumberError.LATIN_LETTERS);
        }
        if (canonical.length() != LENGTH) {
            throw new InvalidRegisterNumberException(RegisterNumberError.LENGTH);
        }
        for (int i = 0; i < LETTER_COUNT; i++) {
            if (MONGOLIAN_CAPITALS.indexOf(canonical.charAt(i)) < 0) {
                throw new InvalidRegisterNumberException(RegisterNumberError.LETTERS);
            }
        }
        for (int i = LETTER_COUNT; i < LENGTH; i++) {
            if (!isAsciiDigit(canonical.charAt(i))) {
                throw new InvalidRegisterNumberException(RegisterNumberError.DIGITS);
            }
        }
        LocalDate birthDate = birthDate(canonical, LocalDate.now(clock));
        Gender gender = (canonical.charAt(LENGTH - 2) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new RegisterNumber(canonical, birthDate, gender);
    }

    /** Like {@link #parse(String)} but empty instead of an exception. */
    public static Optional<RegisterNumber> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidRegisterNumberException e) {
            return Optional.empty();
        }
    }

    /**
     * The normalisation {@link #parse} applies, without validating: NFC (so a decomposed
     * Ё or Й equals the precomposed letter), all whitespace removed, Mongolian small
     * letters made capital. Nothing else is mapped: case conversion is table-driven
     * rather than {@code toUpperCase}, which would turn e.g. U+1C80 (rounded ve) into В.
     * Returns "" for {@code null}.
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        String composed = Normalizer.normalize(input, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue; // covers no-break and other Unicode spaces pasted from documents
            }
            int small = MONGOLIAN_SMALLS.indexOf(c);
            out.append(small >= 0 ? MONGOLIAN_CAPITALS.charAt(small) : c);
        }
        return out.toString();
    }

    /**
     * Whether one of the two letter positions holds a Latin letter (any width: full-width Ｂ too). Such input is
     * refused with its own reason and never mapped to Cyrillic: transliteration is ambiguous (U is У or Ү, O is О
     * or Ө) and a mapped look-alike would let a spoofed number pass for a real one.
     */
    private static boolean startsWithLatinLetter(String canonical) {
        for (int i = 0; i < Math.min(LETTER_COUNT, canonical.length()); i++) {
            char c = canonical.charAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate birthDate(String canonical, LocalDate today) {
        int yy = twoDigits(canonical, LETTER_COUNT);
        int mm = twoDigits(canonical, LETTER_COUNT + 2);
        int dd = twoDigits(canonical, LETTER_COUNT + 4);
        int year;
        int month;
        if (mm >= 1 && mm <= 12) {
            year = 1900 + yy;
            month = mm;
        } else if (mm >= 1 + MILLENNIUM_MONTH_OFFSET && mm <= 12 + MILLENNIUM_MONTH_OFFSET) {
            year = 2000 + yy;
            month = mm - MILLENNIUM_MONTH_OFFSET;
        } else {
            throw new InvalidRegisterNumberException(RegisterNumberError.DATE);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, dd);
        } catch (DateTimeException e) {
            throw new InvalidRegisterNumberException(RegisterNumberError.DATE);
        }
        if (date.isAfter(today)) {
            throw new InvalidRegisterNumberException(RegisterNumberError.DATE);
        }
        return date;
    }

    private static int twoDigits(String s, int from) {
        return (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
    }

    // Character.isDigit would also accept Arabic-Indic, Mongolian and full-width digits.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Canonical form: upper case, no spaces, e.g. {@code УБ99112233}. */
    public String value() {
        return value;
    }

    /** The Keycloak username: the canonical form in lower case (Keycloak lower-cases usernames). */
    public String username() {
        return value.toLowerCase(Locale.ROOT);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegisterNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The canonical form. Use {@code Masking.maskRegisterNumber} when logging. */
    @Override
    public String toString() {
        return value;
    }
}
