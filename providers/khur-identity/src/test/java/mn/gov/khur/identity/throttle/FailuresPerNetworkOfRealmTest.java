package mn.gov.khur.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/** The signature steps read the password step's numbers from the realm's browser flow, sub-flows included. */
class FailuresPerNetworkOfRealmTest {

    @Test
    void thePasswordStepsConfigInASubFlowIsFound() {
        RealmModel realm = realm(Map.of(
                "browser", List.of(step("auth-cookie", null), subFlow("methods")),
                "methods", List.of(subFlow("substantial"), subFlow("high")),
                "high", List.of(step("khur-esign-token", "esign-config")),
                "substantial", List.of(step(FailuresPerNetwork.PASSWORD_STEP, "password-config"), step("khur-reverse-sms", null))),
                Map.of("password-config", Map.of(FailuresPerNetwork.FAILURES, "3", FailuresPerNetwork.WINDOW_MINUTES, "20")));

        assertThat(FailuresPerNetwork.ofRealm(realm)).isEqualTo(new FailuresPerNetwork(3, Duration.ofMinutes(20)));
    }

    @Test
    void withoutAPasswordStepTheDefaultsApply() {
        RealmModel realm = realm(Map.of("browser", List.of(step("auth-cookie", null))), Map.of());
        assertThat(FailuresPerNetwork.ofRealm(realm)).isEqualTo(FailuresPerNetwork.DEFAULT);
    }

    private static AuthenticationExecutionModel step(String authenticator, String configId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        execution.setAuthenticatorConfig(configId);
        return execution;
    }

    private static AuthenticationExecutionModel subFlow(String flowId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(flowId);
        return execution;
    }

    /** A realm with just the flows and configs asked for (the browser flow's id is "browser"). */
    private static RealmModel realm(Map<String, List<AuthenticationExecutionModel>> flows, Map<String, Map<String, String>> configs) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBrowserFlow" -> {
                        AuthenticationFlowModel flow = new AuthenticationFlowModel();
                        flow.setId("browser");
                        yield flow;
                    }
                    case "getAuthenticationExecutionsStream" -> flows.getOrDefault((String) args[0], List.of()).stream();
                    case "getAuthenticatorConfigById" -> {
                        Map<String, String> values = configs.get((String) args[0]);
                        if (values == null) {
                            yield null;
                        }
                        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
                        config.setId((String) args[0]);
                        config.setConfig(values);
                        yield config;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
