package mn.gov.khur.bench;

import java.time.LocalDate;
import java.util.Locale;

/**
 * People who register in scenario 5: newcomer {@code i} has a valid register number and mobile
 * number of its own, disjoint from {@link Citizens} (other letters, other mobile range), so no
 * registration finds an existing account or shares a phone's pending challenge.
 */
public final class Newcomers {

    private Newcomers() {
    }

    public static String registerNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14000); // 1960..1998: month without +20
        int serial = (i / 14000) % 100;
        return String.format(Locale.ROOT, "РЕ%02d%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), serial);
    }

    /** +976 88…: a mobile range (libphonenumber, region MN) the seeded citizens (99…) never use. */
    public static String phone(int i) {
        return String.format(Locale.ROOT, "+97688%06d", i % 1_000_000);
    }
}
