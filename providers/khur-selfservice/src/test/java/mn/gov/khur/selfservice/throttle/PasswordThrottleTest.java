package mn.gov.khur.selfservice.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class PasswordThrottleTest {

    @Test
    void withoutAConfigTheDefaultsApply() {
        assertThat(PasswordThrottle.from(null)).isEqualTo(new PasswordThrottle(5, Duration.ofMinutes(60)));
        assertThat(PasswordThrottle.from(config(Map.of()))).isEqualTo(PasswordThrottle.DEFAULT);
    }

    @Test
    void configuredNumbersApply() {
        PasswordThrottle throttle = PasswordThrottle.from(config(Map.of(PasswordThrottle.FAILURES, " 3 ",
                PasswordThrottle.WINDOW_MINUTES, "15")));
        assertThat(throttle).isEqualTo(new PasswordThrottle(3, Duration.ofMinutes(15)));
        assertThat(throttle.enabled()).isTrue();
    }

    @Test
    void zeroTurnsTheThrottleOffButATypoDoesNot() {
        assertThat(PasswordThrottle.from(config(Map.of(PasswordThrottle.FAILURES, "0"))).enabled()).isFalse();
        assertThat(PasswordThrottle.from(config(Map.of(PasswordThrottle.FAILURES, "five"))).failures()).isEqualTo(5);
        assertThat(PasswordThrottle.from(config(Map.of(PasswordThrottle.FAILURES, "-1"))).failures()).isEqualTo(5);
        assertThat(PasswordThrottle.from(config(Map.of(PasswordThrottle.FAILURES, "101"))).failures()).isEqualTo(5);
        assertThat(PasswordThrottle.from(config(Map.of(PasswordThrottle.WINDOW_MINUTES, "0"))).window())
                .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void everySettingHasBilingualHelp() {
        assertThat(PasswordThrottle.PROPERTIES).hasSize(2).allSatisfy(property -> {
            assertThat(property.getHelpText()).containsPattern("[A-Za-z]{4}").containsPattern("[А-Яа-яӨөҮү]{4}");
            assertThat(property.getLabel()).contains("/");
        });
    }

    private static AuthenticatorConfigModel config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(new java.util.HashMap<>(values));
        return model;
    }
}
