package mn.gov.khur.bench;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Deterministic made-up citizens: citizen {@code i} has a valid, unique register number
 * ({@code БН} + birth date + two digits) and its own mobile number, so pending challenges
 * (one per phone) never collide.
 */
public final class Citizens {

    private Citizens() {
    }

    public static String registerNumber(int i) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14000); // 1960..1998: month without +20
        int serial = (i / 14000) % 100;
        return String.format(Locale.ROOT, "БН%02d%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), serial);
    }

    /** Username as stored (lower case); the login form accepts any case, the bench types upper case. */
    public static String username(int i) {
        return registerNumber(i).toLowerCase(Locale.ROOT);
    }

    public static String phone(int i) {
        return String.format(Locale.ROOT, "+97699%06d", 100000 + i);
    }

    /** Users of the stock realm. */
    public static String stockUsername(int i) {
        return String.format(Locale.ROOT, "bench-user-%05d", i);
    }
}
