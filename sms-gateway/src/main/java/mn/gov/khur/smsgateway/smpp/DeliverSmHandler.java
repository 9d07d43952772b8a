package mn.gov.khur.smsgateway.smpp;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import mn.gov.khur.smsgateway.Msisdn;
import mn.gov.khur.smsgateway.hold.MessageHold;
import mn.gov.khur.smsgateway.webhook.InboundForwarder;
import mn.gov.khur.smsgateway.webhook.InboundSms;
import mn.gov.khur.smsgateway.webhook.WebhookResult;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * Turns each deliver_sm of one SMSC link into a webhook call, and the webhook's answer into the
 * deliver_sm_resp status. ESME_ROK is answered only once the identity provider has the SMS,
 * so the SMSC keeps (and redelivers) it through any outage. Never logs the text; numbers only
 * masked.
 */
public final class DeliverSmHandler implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(DeliverSmHandler.class);

    private final String operator;
    private final String shortNumber;
    private final InboundForwarder forwarder;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final MessageIds ids;
    private final MessageHold hold;

    public DeliverSmHandler(String operator, String shortNumber, InboundForwarder forwarder, Clock clock,
                            DeliveryObserver observer) {
        this(operator, shortNumber, forwarder, MessageHold.NONE, clock, observer);
    }

    /** @param hold keeps what the webhook refused for a reason that is not the SMS's (401, 404, …) */
    public DeliverSmHandler(String operator, String shortNumber, InboundForwarder forwarder, MessageHold hold, Clock clock,
                            DeliveryObserver observer) {
        this.hold = Objects.requireNonNull(hold);
        this.operator = Objects.requireNonNull(operator);
        this.shortNumber = Objects.requireNonNull(shortNumber);
        this.forwarder = Objects.requireNonNull(forwarder);
        this.clock = Objects.requireNonNull(clock);
        this.observer = Objects.requireNonNull(observer);
        this.ids = new MessageIds(operator, clock);
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        Disposition disposition;
        try {
            disposition = handle(deliverSm);
        } catch (RuntimeException e) {
            // A bug here must not lose the SMS: answer "temporary" so the SMSC keeps it.
            LOG.errorf("event=deliver_sm operator=%s outcome=internal_error error=%s", operator, e.toString());
            disposition = Disposition.RETRY;
        }
        observer.onDeliverSm(operator, disposition);
        if (disposition.commandStatus() != SMPPConstant.STAT_ESME_ROK) {
            throw new ProcessRequestException("deliver_sm not accepted: " + disposition, disposition.commandStatus());
        }
    }

    /** Decides the disposition; public for tests that drive it without a socket. */
    public Disposition handle(DeliverSm sm) {
        String rawFrom = sm.getSourceAddr() == null ? "" : sm.getSourceAddr().strip();
        String to = sm.getDestAddress() == null ? "" : sm.getDestAddress().strip();
        if (!MessageType.DEFAULT.containedIn(sm.getEsmClass())) {
            LOG.infof("event=deliver_sm operator=%s outcome=ignored reason=receipt esm_class=0x%02x from=%s",
                    operator, sm.getEsmClass(), Msisdn.mask(rawFrom));
            return Disposition.IGNORED_RECEIPT;
        }
        if (!shortNumber.equals(to)) {
            LOG.infof("event=deliver_sm operator=%s outcome=ignored reason=other_destination to=%s from=%s",
                    operator, Msisdn.mask(to), Msisdn.mask(rawFrom));
            return Disposition.IGNORED_OTHER_DESTINATION;
        }
        // the number as the operator typed it (TON/NPI), and only a Mongolian mobile can answer a challenge
        Optional<String> sender = Msisdn.mongolianMobile(sm.getSourceAddr(), sm.getSourceAddrTon(), sm.getSourceAddrNpi());
        if (sender.isEmpty()) {
            LOG.infof("event=deliver_sm operator=%s outcome=ignored reason=not_mongolian_mobile from=%s ton=%d npi=%d",
                    operator, Msisdn.mask(rawFrom), sm.getSourceAddrTon(), sm.getSourceAddrNpi());
            return Disposition.IGNORED_NOT_MONGOLIAN_MOBILE;
        }
        String from = sender.get();
        Optional<String> text = SmsText.decode(sm);
        if (text.isEmpty()) {
            LOG.infof("event=deliver_sm operator=%s outcome=ignored reason=undecodable data_coding=0x%02x from=%s",
                    operator, sm.getDataCoding(), Msisdn.mask(from));
            return Disposition.IGNORED_UNDECODABLE;
        }
        MessageIds.Assigned id = ids.assign(sm);
        InboundSms sms = new InboundSms(id.messageId(), from, shortNumber, text.get(), Instant.now(clock).toString());
        long started = System.nanoTime();
        WebhookResult result = forwarder.forward(sms);
        Disposition disposition = switch (result.outcome()) {
            case ACCEPTED -> Disposition.FORWARDED;
            case RETRY -> Disposition.RETRY;
            // not the SMS's fault: the bridge keeps it (on disk) and takes custody, or else the SMSC keeps it
            case HOLD -> hold.hold(sms, result.httpStatus()) ? Disposition.HELD : Disposition.RETRY;
            case REJECTED -> Disposition.REJECTED;
        };
        if (disposition != Disposition.RETRY) {
            ids.settled(id); // the SMSC will not send this one again: the same text from now on is a new SMS
        }
        String line = String.format("event=deliver_sm operator=%s messageId=%s redelivery=%b from=%s outcome=%s http=%d"
                        + " detail=%s latency_ms=%d", operator, sms.messageId(), id.redelivery(), Msisdn.mask(from),
                disposition.name().toLowerCase(java.util.Locale.ROOT), result.httpStatus(), result.detail(),
                (System.nanoTime() - started) / 1_000_000);
        switch (disposition) {
            case FORWARDED -> LOG.info(line);
            case RETRY -> LOG.warn(line);
            default -> LOG.error(line); // HELD (the webhook refuses authentic SMS: an operator must act) or REJECTED
        }
        return disposition;
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.debugf("event=alert_notification operator=%s", operator);
    }

    /** MO arrives as deliver_sm only; data_sm is refused. */
    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        LOG.warnf("event=data_sm operator=%s outcome=refused", operator);
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
