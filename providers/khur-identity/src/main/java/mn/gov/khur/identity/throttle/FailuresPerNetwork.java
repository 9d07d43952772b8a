package mn.gov.khur.identity.throttle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * How many failed logins (wrong passwords, failed signatures) one network may count against one account
 * ({@code failures}, 0 = no budget) within a sliding {@code window}. The numbers are the password step's config in the
 * admin console ({@link #PASSWORD_STEP}); the signature steps spend the same budget and read the same numbers
 * ({@link #ofRealm}). Defaults keep one network well below the realm's brute-force failure factor, so locking an
 * account takes many networks (docs/CONFIGURATION.md has the arithmetic).
 */
public record FailuresPerNetwork(int failures, Duration window) {

    /** The step whose config holds the numbers: the register number + password form (khur-selfservice). */
    public static final String PASSWORD_STEP = "khur-username-password-form";
    public static final String FAILURES = "khur.password.failuresPerNetwork";
    public static final String WINDOW_MINUTES = "khur.password.networkWindowMinutes";
    public static final int DEFAULT_FAILURES = 5;
    public static final int MAX_FAILURES = 100;
    public static final int DEFAULT_WINDOW_MINUTES = 60;
    public static final int MAX_WINDOW_MINUTES = 1440;
    public static final FailuresPerNetwork DEFAULT = new FailuresPerNetwork(DEFAULT_FAILURES, Duration.ofMinutes(DEFAULT_WINDOW_MINUTES));

    private static final Logger LOG = Logger.getLogger(FailuresPerNetwork.class);

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(FAILURES).type(ProviderConfigProperty.STRING_TYPE)
            .label("Wrong passwords per network / Нэг сүлжээнээс буруу нууц үг")
            .helpText("How many wrong passwords (and failed digital-signature logins, which share the count) one network "
                    + "(an IPv4 address, or an IPv6 /64) may enter for one register number within the window below (0 to "
                    + MAX_FAILURES + "; 0 turns the budget off). Further attempts from that network get \"wait\" before "
                    + "the password or signature is checked and do not count against the account; keep it well below the "
                    + "realm's brute-force failure factor. "
                    + "Нэг сүлжээнээс (IPv4 хаяг, эсвэл IPv6 /64) нэг регистрийн дугаарт доорх хугацаанд хэдэн удаа буруу "
                    + "нууц үг оруулж болох (тоон гарын үсгээр амжилтгүй нэвтэрсэн оролдлого ч энэ тоонд орно; 0-"
                    + MAX_FAILURES + "; 0 бол хязгаарлахгүй). Түүнээс цааших оролдлогод нууц үг, гарын үсгийг шалгалгүй "
                    + "\"хүлээнэ үү\" гэж хариулж, бүртгэлийн түгжээнд тооцохгүй.")
            .defaultValue(String.valueOf(DEFAULT_FAILURES)).add()
            .property().name(WINDOW_MINUTES).type(ProviderConfigProperty.STRING_TYPE)
            .label("Window (minutes) / Хугацаа (минут)")
            .helpText("Each failure stays in the network's count for this many minutes (1 to " + MAX_WINDOW_MINUTES
                    + "). Буруу оролдлого бүр тухайн сүлжээний тоонд энэ хэдэн минут хадгалагдана (1-" + MAX_WINDOW_MINUTES + ").")
            .defaultValue(String.valueOf(DEFAULT_WINDOW_MINUTES)).add()
            .build();

    public boolean enabled() {
        return failures > 0;
    }

    /** The configured numbers; a default for each value unset or unreadable (a typo must not switch the budget off). */
    public static FailuresPerNetwork from(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        int failures = read(values.get(FAILURES), 0, MAX_FAILURES, DEFAULT_FAILURES, "wrong passwords per network");
        int minutes = read(values.get(WINDOW_MINUTES), 1, MAX_WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES, "window in minutes");
        return new FailuresPerNetwork(failures, Duration.ofMinutes(minutes));
    }

    /**
     * The numbers of the password step in the realm's browser flow (its sub-flows included), for the other steps that
     * spend the same budget; the defaults if that step has no config (or the flow no password step).
     */
    public static FailuresPerNetwork ofRealm(RealmModel realm) {
        return passwordStepConfig(realm).map(FailuresPerNetwork::from).orElse(DEFAULT);
    }

    private static Optional<AuthenticatorConfigModel> passwordStepConfig(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        if (browser == null) {
            return Optional.empty();
        }
        Deque<String> flows = new ArrayDeque<>(List.of(browser.getId()));
        Set<String> seen = new HashSet<>();
        while (!flows.isEmpty()) {
            String flowId = flows.pop();
            if (!seen.add(flowId)) {
                continue;
            }
            for (AuthenticationExecutionModel execution : realm.getAuthenticationExecutionsStream(flowId).toList()) {
                if (execution.isAuthenticatorFlow() && execution.getFlowId() != null) {
                    flows.push(execution.getFlowId());
                } else if (PASSWORD_STEP.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null) {
                    return Optional.ofNullable(realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()));
                }
            }
        }
        return Optional.empty();
    }

    static int read(String value, int min, int max, int fallback, String what) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("Per-network failures: %s must be %d to %d, not \"%s\"; using %d", what, min, max, value, fallback);
        return fallback;
    }
}
