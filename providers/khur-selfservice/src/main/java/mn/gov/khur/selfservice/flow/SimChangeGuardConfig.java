package mn.gov.khur.selfservice.flow;

import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The SIM-swap hold of {@link ProvenPhoneGuard}, as an authenticator config in the admin console. */
final class SimChangeGuardConfig {

    private static final Logger LOG = Logger.getLogger(SimChangeGuardConfig.class);

    static final String HOLD_DAYS = "khur.simChange.holdDays";
    static final int DEFAULT_HOLD_DAYS = 7;
    static final int MAX_HOLD_DAYS = 365;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(HOLD_DAYS).type(ProviderConfigProperty.STRING_TYPE)
            .label("SIM-change hold (days) / SIM солигдсоноос хойш хүлээх хоног")
            .helpText("After the operator reports a SIM swap or port of the phone, an SMS from it alone cannot register, "
                    + "reset a password or change the phone for this many days (0 to 365; 0 turns this check off; "
                    + "the phone must be in the citizen's own name either way). "
                    + "Утасны SIM карт солигдсон буюу шилжүүлсэн өдрөөс хойш энэ хэдэн хоногт зөвхөн тэр утаснаас "
                    + "ирсэн SMS-ээр бүртгүүлэх, нууц үг сэргээх, утасны дугаар солихгүй (0-365; 0 бол энэ шалгалтыг "
                    + "хийхгүй; утас иргэний өөрийнх нь нэр дээр байх шаардлага хэвээр).")
            .defaultValue(String.valueOf(DEFAULT_HOLD_DAYS)).add().build();

    private SimChangeGuardConfig() {
    }

    /** The configured hold; the default when unset or unreadable (a typo must not switch the check off). */
    static Duration hold(AuthenticatorConfigModel config) {
        String value = config == null || config.getConfig() == null ? null : config.getConfig().get(HOLD_DAYS);
        if (value == null || value.isBlank()) {
            return Duration.ofDays(DEFAULT_HOLD_DAYS);
        }
        try {
            return Duration.ofDays(parseDays(value));
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s (%s); using %d days", e.getMessage(), value, DEFAULT_HOLD_DAYS);
            return Duration.ofDays(DEFAULT_HOLD_DAYS);
        }
    }

    /** @throws IllegalArgumentException with a message an operator understands */
    static int parseDays(String value) {
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SIM-change hold must be a whole number of days (0 to " + MAX_HOLD_DAYS + ")");
        }
        if (days < 0 || days > MAX_HOLD_DAYS) {
            throw new IllegalArgumentException("SIM-change hold must be 0 to " + MAX_HOLD_DAYS + " days");
        }
        return days;
    }
}
