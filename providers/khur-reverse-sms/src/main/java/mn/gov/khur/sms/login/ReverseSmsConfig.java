package mn.gov.khur.sms.login;

import java.time.Duration;
import java.util.Map;

import mn.gov.khur.common.phone.ShortNumber;

import org.keycloak.models.AuthenticatorConfigModel;

/** Typed, null-safe view of the reverse-SMS step's configuration (see {@link ReverseSmsConfigProperties}). */
public record ReverseSmsConfig(String shortNumber, Duration codeLifetime, int maxNewCodes, boolean loginNotice) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** NIST 800-63B caps out-of-band secrets at 10 minutes. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_NEW_CODES = 5;

    public static ReverseSmsConfig from(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String shortNumber = config.getOrDefault(ReverseSmsConfigProperties.SHORT_NUMBER, ShortNumber.DEFAULT);
        if (!ShortNumber.isValid(shortNumber)) {
            shortNumber = ShortNumber.DEFAULT;
        }
        Duration lifetime = DEFAULT_LIFETIME;
        int maxNewCodes = DEFAULT_MAX_NEW_CODES;
        try {
            lifetime = clamp(Duration.ofSeconds(Long.parseLong(config.getOrDefault(
                    ReverseSmsConfigProperties.CODE_LIFETIME_SECONDS, String.valueOf(DEFAULT_LIFETIME.toSeconds())).trim())));
            maxNewCodes = Math.max(0, Integer.parseInt(config.getOrDefault(
                    ReverseSmsConfigProperties.MAX_NEW_CODES, String.valueOf(DEFAULT_MAX_NEW_CODES)).trim()));
        } catch (NumberFormatException e) {
            // Keycloak offers no config validation hook for authenticators: bad values fall back to defaults, lifetimes are clamped
        }
        // on unless switched off: the notice is a control of the threat model, not a feature to opt into
        boolean loginNotice = !"false".equalsIgnoreCase(config.getOrDefault(ReverseSmsConfigProperties.LOGIN_NOTICE, "true").strip());
        return new ReverseSmsConfig(shortNumber, lifetime, maxNewCodes, loginNotice);
    }

    private static Duration clamp(Duration lifetime) {
        if (lifetime.compareTo(MIN_LIFETIME) < 0) {
            return MIN_LIFETIME;
        }
        return lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime;
    }
}
