package mn.gov.khur.sms.inbound;

import java.util.Optional;

/**
 * Finds the code in what the citizen typed: the text must hold exactly one run of digits, and that
 * run must be 6 long. Anything around it (spaces, a greeting, punctuation) is ignored; "482 913",
 * "12345", "1234567" and "111111 222222" are refused, because guessing which digits were meant would
 * let one SMS try several codes. Digits of other scripts (e.g. full-width, as some keyboards send)
 * count as the same digits.
 */
final class SmsCodeExtractor {

    static final int CODE_LENGTH = 6;

    private SmsCodeExtractor() {
    }

    static Optional<String> extract(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String found = null;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            int digit = i < text.length() ? Character.digit(text.charAt(i), 10) : -1;
            boolean decimal = digit >= 0 && Character.getType(text.charAt(i)) == Character.DECIMAL_DIGIT_NUMBER;
            if (decimal) {
                run.append((char) ('0' + digit));
                continue;
            }
            if (!run.isEmpty()) {
                if (found != null || run.length() != CODE_LENGTH) {
                    return Optional.empty();
                }
                found = run.toString();
                run.setLength(0);
            }
        }
        return Optional.ofNullable(found);
    }
}
