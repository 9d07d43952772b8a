package mn.gov.khur.sms.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The notice, in Mongolian (citizens' phones show the national language; no link and no code, so a forwarded or
 * spoofed copy is useless to a phisher): "ХУР: 11/24 14:05-д таны бүртгэлээр нэвтэрлээ (Chrome, Windows). Та биш
 * бол 130092 руу 0 гэж илгээнэ үү." Always UCS-2 on the air (Cyrillic), i.e. about 105 characters = 2 segments.
 */
public final class LoginNoticeText {

    /** Mongolia has a single time zone (UTC+8). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ulaanbaatar");
    /** The browser part is cut here so a hostile User-Agent cannot make the SMS long. */
    static final int MAX_BROWSER_LENGTH = 24;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM/dd HH:mm");

    private LoginNoticeText() {
    }

    public static String of(Instant loggedInAt, String userAgent, String shortNumber) {
        String browser = BrowserDescription.of(userAgent);
        if (browser.length() > MAX_BROWSER_LENGTH) {
            browser = browser.substring(0, MAX_BROWSER_LENGTH);
        }
        return "ХУР: " + WHEN.format(loggedInAt.atZone(ZONE)) + "-д таны бүртгэлээр нэвтэрлээ (" + browser + "). "
                + "Та биш бол " + shortNumber + " руу 0 гэж илгээнэ үү.";
    }

    /**
     * Whether an SMS text is the "not me" reply: exactly {@code 0}, whitespace anywhere ignored; a full-width or other
     * script's zero counts as the same digit (some keyboards send those).
     */
    public static boolean isDenial(String text) {
        if (text == null) {
            return false;
        }
        String compact = text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return compact.length() == 1 && Character.getType(compact.charAt(0)) == Character.DECIMAL_DIGIT_NUMBER
                && Character.digit(compact.charAt(0), 10) == 0;
    }
}
