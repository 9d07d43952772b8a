package mn.gov.khur.selfservice.captcha;

import java.security.SecureRandom;
import java.util.Locale;

/** Random captcha answers from characters that cannot be confused with each other (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
final class CaptchaText {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469";
    static final int LENGTH = 5;

    private final SecureRandom random;

    CaptchaText(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder text = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** What a citizen typed, as compared: case-insensitive, spaces ignored. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
