package mn.gov.khur.identity.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import mn.gov.khur.identity.settings.ServerSettings.Setting;

import org.junit.jupiter.api.Test;

/** The one rule: environment variable, then SPI option, then default; an unusable value refused with its name. */
class ServerSettingsTest {

    private static final Setting TIMEOUT = new Setting("KHUR_X_TIMEOUT_MS", "timeout-ms");

    private static ServerSettings settings(Map<String, String> options, Map<String, String> env) {
        return new ServerSettings(options::get, env::get);
    }

    @Test
    void theEnvironmentWinsOverTheOptionWhichWinsOverTheDefault() {
        assertThat(settings(Map.of("timeout-ms", "2000"), Map.of("KHUR_X_TIMEOUT_MS", "1500"))
                .wholeNumber(TIMEOUT, 3000, 100, 60_000)).isEqualTo(1500);
        assertThat(settings(Map.of("timeout-ms", "2000"), Map.of()).wholeNumber(TIMEOUT, 3000, 100, 60_000)).isEqualTo(2000);
        assertThat(settings(Map.of(), Map.of()).wholeNumber(TIMEOUT, 3000, 100, 60_000)).isEqualTo(3000);
        assertThat(settings(Map.of("timeout-ms", "2000"), Map.of("KHUR_X_TIMEOUT_MS", "  ")).wholeNumber(TIMEOUT, 3000, 100, 60_000))
                .as("blank is unset").isEqualTo(2000);
    }

    @Test
    void anUnusableValueIsRefusedWithTheSettingsNameNeverClamped() {
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KHUR_X_TIMEOUT_MS", "99999999")).wholeNumber(TIMEOUT, 3000, 100, 60_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KHUR_X_TIMEOUT_MS (option timeout-ms)").hasMessageContaining("100..60000");
        assertThatThrownBy(() -> settings(Map.of("timeout-ms", "soon"), Map.of()).wholeNumber(TIMEOUT, 3000, 100, 60_000))
                .hasMessageContaining("timeout-ms").hasMessageContaining("soon");
        assertThatThrownBy(() -> settings(Map.of(), Map.of("KHUR_FLAG", "yes")).flag(Setting.env("KHUR_FLAG"), false))
                .hasMessageContaining("KHUR_FLAG must be true or false");
        assertThatThrownBy(() -> settings(Map.of("url", "ftp://x/"), Map.of()).httpUrl(Setting.option("url")))
                .hasMessageContaining("url must be an absolute http(s) URL");
    }

    @Test
    void aShortSecretIsRefusedOutsideDevModeWithoutRepeatingIt() {
        Setting secret = Setting.env("KHUR_X_SECRET");
        ServerSettings shortOne = settings(Map.of(), Map.of("KHUR_X_SECRET", "tiny-secret"));

        assertThatThrownBy(() -> shortOne.secret(secret, false))
                .hasMessageContaining("KHUR_X_SECRET").hasMessageContaining(ServerSettings.MIN_SECRET_BYTES + " bytes")
                .hasMessageNotContaining("tiny-secret");
        assertThat(shortOne.secret(secret, true)).contains("tiny-secret");
        assertThat(settings(Map.of(), Map.of("KHUR_X_SECRET", "x".repeat(32))).secret(secret, false)).isPresent();
    }
}
