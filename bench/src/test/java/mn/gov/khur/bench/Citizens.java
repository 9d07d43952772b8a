package mn.gov.khur.bench;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Deterministic made-up citizens: citizen {@code i} has a valid, unique register number
 * (two letters + birth date + two digits) and its own mobile number, so pending challenges
 * (one per phone) never collide. Unique up to {@value #MAX} citizens; the first 1,400,000 use the letters
 * {@code БН} and the first 900,000 phones start with 99 (as before). bench/seed-citizens.py computes the same
 * values for the citizens it bulk-loads (keep the two in step).
 */
public final class Citizens {

    private Citizens() {
    }

    /** Letter pairs of the register numbers, 1,400,000 citizens each. */
    private static final String[] LETTERS = {"БН", "УБ", "ЧД", "ХО"};
    /** Mobile prefixes, 900,000 citizens each (Mongolian mobile ranges; 88 is the newcomers' of scenario 5). */
    private static final String[] PHONE_PREFIXES = {"99", "95", "91", "94", "98"};
    public static final int MAX = 4 * 1_400_000;

    /** The citizens the login scenarios use are {@code offset + 0 .. offset + pool - 1} (bulk-loaded ones at 2 M). */
    public static final int LOGIN_OFFSET = Integer.parseInt(System.getProperty("bench.loginOffset", "0").isBlank()
            ? "0" : System.getProperty("bench.loginOffset", "0"));

    public static String registerNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14000); // 1960..1998: month without +20
        int serial = (i / 14000) % 100;
        return String.format(Locale.ROOT, "%s%02d%02d%02d%02d", LETTERS[i / 1_400_000], birth.getYear() % 100,
                birth.getMonthValue(), birth.getDayOfMonth(), serial);
    }

    /** Username as stored (lower case); the login form accepts any case, the bench types upper case. */
    public static String username(int i) {
        return registerNumber(i).toLowerCase(Locale.ROOT);
    }

    public static String phone(int i) {
        return String.format(Locale.ROOT, "+976%s%06d", PHONE_PREFIXES[i / 900_000], 100000 + i % 900_000);
    }

    /** Users of the stock realm. */
    public static String stockUsername(int i) {
        return String.format(Locale.ROOT, "bench-user-%05d", i);
    }
}
