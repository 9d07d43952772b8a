package mn.gov.khur.it.support;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * A citizen made up for one test: a valid, unique register number and a Mongolian mobile number,
 * so tests never share accounts or phones (pending challenges are per phone).
 */
public record TestCitizen(String registerNumber, String phoneE164, String password, String givenName, String familyName) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "АБВГДЕЖЗИКЛМНОӨПРСТУҮФХЦЧШЭЮЯ";

    public static TestCitizen random() {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(365 * 70));
        int month = birth.getYear() >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        String registerNumber = "" + LETTERS.charAt(RANDOM.nextInt(LETTERS.length()))
                + LETTERS.charAt(RANDOM.nextInt(LETTERS.length()))
                + String.format("%02d%02d%02d%02d", birth.getYear() % 100, month, birth.getDayOfMonth(), RANDOM.nextInt(100));
        String phone = "+97699" + String.format("%06d", RANDOM.nextInt(1_000_000));
        return new TestCitizen(registerNumber, phone, "Nuuts" + (1000 + RANDOM.nextInt(9000)) + "ug", "Болд", "Бат");
    }

    public String username() {
        return registerNumber.toLowerCase(java.util.Locale.ROOT);
    }
}
