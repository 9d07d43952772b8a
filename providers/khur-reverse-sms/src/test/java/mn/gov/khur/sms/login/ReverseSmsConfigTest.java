package mn.gov.khur.sms.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

class ReverseSmsConfigTest {

    @Test
    void theLoginNoticeIsOnUnlessSwitchedOff() {
        assertThat(ReverseSmsConfig.from(null).loginNotice()).isTrue();
        assertThat(ReverseSmsConfig.from(config(Map.of())).loginNotice()).isTrue();
        assertThat(ReverseSmsConfig.from(config(Map.of(ReverseSmsConfigProperties.LOGIN_NOTICE, "true"))).loginNotice()).isTrue();
        assertThat(ReverseSmsConfig.from(config(Map.of(ReverseSmsConfigProperties.LOGIN_NOTICE, "false"))).loginNotice()).isFalse();
    }

    @Test
    void theSwitchIsABooleanWithBilingualHelpInTheAdminConsole() {
        ProviderConfigProperty property = ReverseSmsConfigProperties.PROPERTIES.stream()
                .filter(p -> p.getName().equals(ReverseSmsConfigProperties.LOGIN_NOTICE)).findFirst().orElseThrow();

        assertThat(property.getType()).isEqualTo(ProviderConfigProperty.BOOLEAN_TYPE);
        assertThat(property.getDefaultValue()).isEqualTo("true");
        assertThat(property.getLabel()).contains("Login notice").contains("мэдэгдэл");
        assertThat(property.getHelpText()).contains("\"0\"").contains("цуцална");
    }

    private static AuthenticatorConfigModel config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return model;
    }
}
