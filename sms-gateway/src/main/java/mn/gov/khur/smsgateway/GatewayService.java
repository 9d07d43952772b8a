package mn.gov.khur.smsgateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import mn.gov.khur.smsgateway.config.GatewayConfig;
import mn.gov.khur.smsgateway.config.GatewaySettings;
import mn.gov.khur.smsgateway.config.SmscSettings;
import mn.gov.khur.smsgateway.smpp.DeliverSmHandler;
import mn.gov.khur.smsgateway.smpp.SmscConnection;
import mn.gov.khur.smsgateway.webhook.WebhookClient;
import mn.gov.khur.smsgateway.webhook.WebhookSigner;
import org.jboss.logging.Logger;

/** Quarkus wiring only: builds the plain-Java bridge from configuration and runs it. */
@ApplicationScoped
public class GatewayService {

    private static final Logger LOG = Logger.getLogger(GatewayService.class);

    private final GatewayConfig config;
    private final MeterRegistry meters;
    private final List<SmscConnection> connections = new ArrayList<>();

    GatewayService(GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        GatewaySettings settings = GatewaySettings.of(config);
        WebhookClient webhook = new WebhookClient(settings.webhookUrl(), new WebhookSigner(settings.webhookSecret()),
                settings.webhookTimeout(), WebhookClient.defaultHttpClient(settings.webhookTimeout()),
                Clock.systemUTC());
        MicrometerDeliveryObserver observer = new MicrometerDeliveryObserver(meters);
        if (settings.smscs().isEmpty()) {
            LOG.warn("event=gateway_start no SMSC configured (khur.gateway.smsc.<operator>.host ...): nothing to bind");
        }
        for (SmscSettings smsc : settings.smscs()) {
            DeliverSmHandler handler = new DeliverSmHandler(smsc.operator(), settings.shortNumber(), webhook,
                    Clock.systemUTC(), observer);
            SmscConnection connection = new SmscConnection(smsc, handler);
            Gauge.builder("khur.smsgateway.smsc.bound", connection, c -> c.isBound() ? 1 : 0)
                    .description("1 while the SMPP bind to this operator's SMSC is up")
                    .tag("operator", smsc.operator())
                    .register(meters);
            connections.add(connection);
            connection.start();
        }
        LOG.infof("event=gateway_start webhook=%s short_number=%s smscs=%d", settings.webhookUrl(),
                settings.shortNumber(), settings.smscs().size());
    }

    void onStop(@Observes ShutdownEvent event) {
        connections.forEach(SmscConnection::close);
    }

    public List<SmscConnection.Status> statuses() {
        return connections.stream().map(SmscConnection::status).toList();
    }
}
