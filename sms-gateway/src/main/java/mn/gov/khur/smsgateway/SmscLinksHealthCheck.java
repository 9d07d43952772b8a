package mn.gov.khur.smsgateway;

import jakarta.enterprise.context.ApplicationScoped;
import mn.gov.khur.smsgateway.smpp.SmscConnection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: UP when every configured SMSC link is bound (and at least one is configured). */
@Readiness
@ApplicationScoped
public class SmscLinksHealthCheck implements HealthCheck {

    private final GatewayService gateway;

    SmscLinksHealthCheck(GatewayService gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        var statuses = gateway.statuses();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("smsc-links")
                .status(!statuses.isEmpty() && statuses.stream().allMatch(s -> s.state() == SmscConnection.State.BOUND));
        for (SmscConnection.Status s : statuses) {
            response.withData(s.operator(), s.state().name()
                    + (s.lastError() == null ? "" : " (" + s.lastError() + ")"));
        }
        return response.build();
    }
}
