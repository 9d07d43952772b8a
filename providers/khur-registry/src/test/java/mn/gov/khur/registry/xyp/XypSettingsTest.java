package mn.gov.khur.registry.xyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class XypSettingsTest {

    @Test
    void defaultsTakeTheCredentialsFromTheVault() {
        XypSettings settings = XypSettings.from(name -> null, Map.of("KHUR_REGISTRY_CITIZEN_URL", "https://xyp.gov.mn/citizen-1.5.0/ws",
                "KHUR_REGISTRY_META_URL", "https://xyp.gov.mn/meta-1.5.0/ws"));
        assertThat(settings.configured()).isTrue();
        assertThat(settings.signingKey()).isEqualTo("${vault.khur-xyp-signing-key}");
        assertThat(settings.accessToken()).isEqualTo("${vault.khur-xyp-access-token}");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.notFoundCodes()).isEqualTo(Set.of(100));
        assertThat(settings.consentRefusedCodes()).isEqualTo(Set.of(401));
        assertThat(XypSettings.from(name -> null, Map.of()).configured()).isFalse();
    }

    @Test
    void theKeyIsNeverConfiguredInClearAndCodeZeroIsNeverARefusal() {
        Map<String, String> urls = Map.of("KHUR_REGISTRY_CITIZEN_URL", "https://x/c", "KHUR_REGISTRY_META_URL", "https://x/m");
        assertThatThrownBy(() -> XypSettings.from(name -> "signing-key".equals(name) ? "-----BEGIN PRIVATE KEY-----" : null, urls))
                .hasMessageContaining("vault reference");
        assertThatThrownBy(() -> XypSettings.from(name -> "not-found-codes".equals(name) ? "0, 100" : null, urls))
                .hasMessageContaining("0 is success");
        assertThatThrownBy(() -> XypSettings.from(name -> null, Map.of("KHUR_REGISTRY_CITIZEN_URL", "https://x/c")))
                .hasMessageContaining("meta-url");
        assertThat(XypSettings.from(name -> "access-token".equals(name) ? "literal-token" : null, urls).toString())
                .doesNotContain("literal-token");
    }
}
