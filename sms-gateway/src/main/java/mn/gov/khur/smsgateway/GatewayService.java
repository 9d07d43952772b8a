package mn.gov.khur.smsgateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mn.gov.khur.smsgateway.config.GatewayConfig;
import mn.gov.khur.smsgateway.config.GatewaySettings;
import mn.gov.khur.smsgateway.config.SmscSettings;
import mn.gov.khur.smsgateway.hold.HeldMessageDelivery;
import mn.gov.khur.smsgateway.hold.HeldMessages;
import mn.gov.khur.smsgateway.mt.MtHandler;
import mn.gov.khur.smsgateway.mt.MtLink;
import mn.gov.khur.smsgateway.mt.MtRequestParser;
import mn.gov.khur.smsgateway.mt.MtSignatureVerifier;
import mn.gov.khur.smsgateway.mt.SmppMtSubmitter;
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
    private volatile MtHandler mtHandler;
    private volatile HeldMessages held;
    private volatile HeldMessageDelivery heldDelivery;

    GatewayService(GatewayConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        GatewaySettings settings = GatewaySettings.of(config);
        WebhookClient webhook = new WebhookClient(settings.webhookUrl(), new WebhookSigner(settings.webhookSecret(), settings.webhookUrl()),
                settings.webhookTimeout(), WebhookClient.defaultHttpClient(settings.webhookTimeout()),
                Clock.systemUTC());
        MicrometerDeliveryObserver observer = new MicrometerDeliveryObserver(meters);
        held = new HeldMessages(Path.of(config.hold().directory()), config.hold().maxMessages(), config.hold().maxAge(),
                Clock.systemUTC());
        Gauge.builder("khur.smsgateway.held.messages", held, HeldMessages::count)
                .description("SMS the webhook refused with 401, 404, … kept for later delivery: above 0, an operator must act")
                .register(meters);
        heldDelivery = new HeldMessageDelivery(held, webhook, outcome -> meters.counter("khur.smsgateway.held.outcomes",
                "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment());
        heldDelivery.start(config.hold().retryInterval());
        if (settings.smscs().isEmpty()) {
            LOG.warn("event=gateway_start no SMSC configured (khur.gateway.smsc.<operator>.host ...): nothing to bind");
        }
        for (SmscSettings smsc : settings.smscs()) {
            DeliverSmHandler handler = new DeliverSmHandler(smsc.operator(), settings.shortNumber(), webhook, held,
                    Clock.systemUTC(), observer);
            SmscConnection connection = new SmscConnection(smsc, handler);
            Gauge.builder("khur.smsgateway.smsc.bound", connection, c -> c.isBound() ? 1 : 0)
                    .description("1 while the SMPP bind to this operator's SMSC is up")
                    .tag("operator", smsc.operator())
                    .register(meters);
            connections.add(connection);
            connection.start();
            if (settings.mtSmsc().filter(smsc::equals).isPresent()) {
                startMt(settings, smsc, connection);
            }
        }
        if (settings.mtSmsc().isEmpty()) {
            LOG.info("event=mt_off no khur.gateway.mt-secret (KHUR_SMS_OUTBOUND_SECRET) or no SMSC: POST /mt answers 503");
        }
        LOG.infof("event=gateway_start webhook=%s short_number=%s smscs=%d held=%d", settings.webhookUrl(),
                settings.shortNumber(), settings.smscs().size(), held.count());
    }

    private void startMt(GatewaySettings settings, SmscSettings smsc, SmscConnection moConnection) {
        SmscConnection link = MtLink.extraConnection(smsc).orElse(moConnection);
        if (link != moConnection) {
            Gauge.builder("khur.smsgateway.smsc.bound", link, c -> c.isBound() ? 1 : 0)
                    .description("1 while the SMPP bind to this operator's SMSC is up")
                    .tag("operator", link.operator())
                    .register(meters);
            connections.add(link);
            link.start();
        }
        mtHandler = new MtHandler(new MtSignatureVerifier(settings.mtSecret().orElseThrow(), MtSignatureVerifier.DEFAULT_TOLERANCE),
                new MtRequestParser(settings.shortNumber()), new SmppMtSubmitter(link), Clock.systemUTC());
        LOG.infof("event=mt_on operator=%s link=%s", smsc.operator(), link.operator());
    }

    /** The {@code POST /mt} handler, or empty while MT is off. */
    public Optional<MtHandler> mtHandler() {
        return Optional.ofNullable(mtHandler);
    }

    void onStop(@Observes ShutdownEvent event) {
        connections.forEach(SmscConnection::close);
        if (heldDelivery != null) {
            heldDelivery.close();
        }
    }

    /** The SMS kept for later delivery, once started. */
    public Optional<HeldMessages> held() {
        return Optional.ofNullable(held);
    }

    public List<SmscConnection.Status> statuses() {
        return connections.stream().map(SmscConnection::status).toList();
    }
}
