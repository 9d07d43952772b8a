package mn.gov.khur.selfservice.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class SimChangeGuardConfigTest {

    private static AuthenticatorConfigModel config(String days) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(days == null ? Map.of() : Map.of(SimChangeGuardConfig.HOLD_DAYS, days));
        return model;
    }

    @Test
    void configuredDaysAreTheHold() {
        assertThat(SimChangeGuardConfig.hold(config("14"))).isEqualTo(Duration.ofDays(14));
        assertThat(SimChangeGuardConfig.hold(config(" 0 "))).isEqualTo(Duration.ZERO);
    }

    @Test
    void unsetOrUnreadableFallsBackToTheDefaultNeverToOff() {
        assertThat(SimChangeGuardConfig.hold(null)).isEqualTo(Duration.ofDays(7));
        assertThat(SimChangeGuardConfig.hold(config(null))).isEqualTo(Duration.ofDays(7));
        assertThat(SimChangeGuardConfig.hold(config("seven"))).isEqualTo(Duration.ofDays(7));
        assertThat(SimChangeGuardConfig.hold(config("-1"))).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> SimChangeGuardConfig.parseDays("366")).hasMessageContaining("0 to 365");
    }
}
