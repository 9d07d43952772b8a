package mn.gov.khur.smsgateway;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import mn.gov.khur.smsgateway.hold.HeldMessages;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health} and {@code /q/health/well}: DOWN while the webhook refuses authentic SMS with 401, 404, … and the
 * bridge holds them (a secret rotated on one side only, a wrong route: an operator must act). Not a readiness check:
 * the bridge still receives, keeps and sends, and the identity provider's login notices still go out.
 */
@Wellness
@ApplicationScoped
public class HeldMessagesHealthCheck implements HealthCheck {

    private final GatewayService gateway;

    HeldMessagesHealthCheck(GatewayService gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("held-sms");
        List<HeldMessages.Held> held = gateway.held().map(HeldMessages::oldestFirst).orElse(List.of());
        response.status(held.isEmpty()).withData("held", held.size());
        if (!held.isEmpty()) {
            HeldMessages.Held oldest = held.getFirst();
            HeldMessages.Held latest = held.getLast();
            response.withData("oldest", oldest.heldAt().toString())
                    .withData("last_http_status", latest.lastStatus());
        }
        return response.build();
    }
}
