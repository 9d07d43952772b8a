package mn.gov.khur.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class FailuresPerNetworkTest {

    @Test
    void withoutAConfigTheDefaultsApply() {
        assertThat(FailuresPerNetwork.from(null)).isEqualTo(new FailuresPerNetwork(5, Duration.ofMinutes(60)));
        assertThat(FailuresPerNetwork.from(config(Map.of()))).isEqualTo(FailuresPerNetwork.DEFAULT);
    }

    @Test
    void configuredNumbersApply() {
        FailuresPerNetwork throttle = FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.FAILURES, " 3 ",
                FailuresPerNetwork.WINDOW_MINUTES, "15")));
        assertThat(throttle).isEqualTo(new FailuresPerNetwork(3, Duration.ofMinutes(15)));
        assertThat(throttle.enabled()).isTrue();
    }

    @Test
    void zeroTurnsTheThrottleOffButATypoDoesNot() {
        assertThat(FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.FAILURES, "0"))).enabled()).isFalse();
        assertThat(FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.FAILURES, "five"))).failures()).isEqualTo(5);
        assertThat(FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.FAILURES, "-1"))).failures()).isEqualTo(5);
        assertThat(FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.FAILURES, "101"))).failures()).isEqualTo(5);
        assertThat(FailuresPerNetwork.from(config(Map.of(FailuresPerNetwork.WINDOW_MINUTES, "0"))).window())
                .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void everySettingHasBilingualHelp() {
        assertThat(FailuresPerNetwork.PROPERTIES).hasSize(2).allSatisfy(property -> {
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
