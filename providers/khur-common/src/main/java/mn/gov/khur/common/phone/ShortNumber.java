package mn.gov.khur.common.phone;

import java.util.regex.Pattern;

/**
 * The short number citizens text their code to. {@value #DEFAULT} is ХУР's; an operator may configure another (SMS
 * gateway settings, a realm's tab, the reverse-SMS step), which must be {@value #RULE}.
 */
public final class ShortNumber {

    public static final String DEFAULT = "130092";
    /** What a configured short number must look like, as the settings' messages say it. */
    public static final String RULE = "3 to 15 digits";
    private static final Pattern FORM = Pattern.compile("[0-9]{3,15}");

    private ShortNumber() {
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
