package mn.gov.khur.sandbox.phone;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number as a tester types it: {@code 9911 2233}, {@code +976 9911-2233}, {@code (976) 99112233}. The
 * sandbox takes every such form, like the identity provider's own pages do.
 */
public final class TypedPhoneNumber {

    /** Separators people type or paste (spaces of every kind, dashes, parentheses, dots). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u2007\\u202F().\\-]");
    private static final Pattern E164_MN = Pattern.compile("\\+976[0-9]{8}");
    private static final Pattern INTERNATIONAL_MN = Pattern.compile("976[0-9]{8}");
    private static final Pattern NATIONAL = Pattern.compile("[0-9]{8}");

    private TypedPhoneNumber() {
    }

    /** Without separators ({@code +976 9911 2233} → {@code +97699112233}); null stays null. */
    public static String compact(String typed) {
        return typed == null ? null : SEPARATORS.matcher(typed).replaceAll("");
    }

    /** A Mongolian number in E.164 ({@code +97699112233}) from any of its typed forms, else empty. */
    public static Optional<String> mongolianE164(String typed) {
        String compact = compact(typed);
        if (compact == null) {
            return Optional.empty();
        }
        if (E164_MN.matcher(compact).matches()) {
            return Optional.of(compact);
        }
        if (INTERNATIONAL_MN.matcher(compact).matches()) {
            return Optional.of("+" + compact);
        }
        return NATIONAL.matcher(compact).matches() ? Optional.of("+976" + compact) : Optional.empty();
    }
}
