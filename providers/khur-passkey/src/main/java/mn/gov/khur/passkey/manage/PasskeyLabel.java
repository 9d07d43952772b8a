package mn.gov.khur.passkey.manage;

import java.util.Optional;

/** A name a citizen gives a passkey: trimmed, 1 to 64 characters, no control characters (it is shown in pages and events). */
final class PasskeyLabel {

    static final int MAX_LENGTH = 64;

    private PasskeyLabel() {
    }

    static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String label = typed.strip();
        if (label.isEmpty() || label.codePointCount(0, label.length()) > MAX_LENGTH
                || label.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return Optional.empty();
        }
        return Optional.of(label);
    }
}
