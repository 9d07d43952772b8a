package mn.gov.khur.sandbox.smsc;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;

/**
 * A simulated operator SMSC speaking SMPP 3.4 on a TCP port. ESMEs (the SMS gateway) bind with
 * the configured system_id/password; {@link #deliverMo} queues a citizen's SMS, which is sent as
 * deliver_sm to a bound receiver/transceiver and redelivered every {@code retryInterval} after a
 * temporary error, a lost response or while nobody is bound, until the ESME answers ESME_ROK
 * or a permanent error: the store-and-forward behaviour the gateway's acknowledgement rules
 * rely on.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmscSimulator.class.getName());
    private static final int KEEP_FINISHED = 200;
    /** Statuses after which an SMSC retries; anything else non-zero is final. */
    private static final Set<Integer> TEMPORARY_STATUSES = Set.of(
            SMPPConstant.STAT_ESME_RX_T_APPN, SMPPConstant.STAT_ESME_RMSGQFUL,
            SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RSYSERR);

    private final SmscSimulatorConfig config;
    private final ReceiverRegistry receivers = new ReceiverRegistry();
    private final EsmeRequestHandler esmeRequests = new EsmeRequestHandler();
    private final SessionAcceptor acceptor;
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sandbox-smsc-dispatch").factory());
    private final Map<String, SmscMessage> messages = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger messageReferences = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean closed;

    private SmscSimulator(SmscSimulatorConfig config) throws IOException {
        this.config = config;
        this.acceptor = new SessionAcceptor(config, receivers, esmeRequests, this::redeliverPendingNow);
    }

    /** Binds the port and starts accepting ESMEs. */
    public static SmscSimulator start(SmscSimulatorConfig config) throws IOException {
        SmscSimulator simulator = new SmscSimulator(config);
        simulator.acceptor.start();
        LOG.log(Level.INFO, "sandbox SMSC listening on {0}:{1,number,#}", config.host(), simulator.port());
        return simulator;
    }

    public SmscSimulatorConfig config() {
        return config;
    }

    /** The TCP port actually bound (useful with port 0). */
    public int port() {
        return acceptor.port();
    }

    /**
     * Queues an SMS typed on a handset: GSM-7 (data_coding 0) when every character fits the
     * default alphabet, else UCS-2 (data_coding 8); bodies over 254 octets go in message_payload.
     *
     * @param fromMsisdn "+97699112233" (sent as TON international), "99112233" (TON national) or other digits
     * @param to         the short number, e.g. "130092"
     * @throws IllegalArgumentException on a malformed number or a text over 1000 characters
     */
    public SmscMessage deliverMo(String fromMsisdn, String to, String text) {
        short reference = (short) messageReferences.incrementAndGet();
        DeliverSmContent content = DeliverSmFactory.mobileOriginated(fromMsisdn, to, text, Optional.of(reference));
        return enqueue(SmscMessage.Kind.MOBILE_ORIGINATED, fromMsisdn, to, text, content);
    }

    /**
     * Like {@link #deliverMo} from an SMSC that passes on neither the handset's TP-MR (user_message_reference) nor an
     * id of its own: two SMS with the same text from the same phone are then the same PDU content, and only their
     * sequence numbers and timing tell them apart (every redelivery of one keeps its content).
     */
    public SmscMessage deliverMoWithoutReference(String fromMsisdn, String to, String text) {
        DeliverSmContent content = DeliverSmFactory.mobileOriginated(fromMsisdn, to, text, Optional.empty());
        return enqueue(SmscMessage.Kind.MOBILE_ORIGINATED, fromMsisdn, to, text, content);
    }

    /**
     * Queues a delivery receipt (esm_class "SMSC delivery receipt", receipted_message_id TLV) for
     * an MT the ESME sent earlier to {@code handsetMsisdn}; {@code esmeAddress} is the ESME's own
     * address, e.g. the short number.
     */
    public SmscMessage deliverReceipt(String handsetMsisdn, String esmeAddress, String receiptedMessageId) {
        Instant now = Instant.now();
        DeliverSmContent content = DeliverSmFactory.deliveryReceipt(handsetMsisdn, esmeAddress, receiptedMessageId,
                now.minusSeconds(5), now);
        return enqueue(SmscMessage.Kind.DELIVERY_RECEIPT, handsetMsisdn, esmeAddress, "", content);
    }

    /** Messages neither acknowledged nor permanently refused yet. */
    public int pendingCount() {
        return count(SmscMessage.State.PENDING);
    }

    /** Messages the ESME acknowledged with ESME_ROK since start. */
    public int deliveredCount() {
        return delivered.get();
    }

    /** Messages the ESME refused with a permanent error since start. */
    public int failedCount() {
        return failed.get();
    }

    /** ESME sessions currently bound as receiver or transceiver. */
    public int boundReceiverCount() {
        return receivers.receiverCount();
    }

    /** Waits until at least one receiver/transceiver is bound. */
    public boolean awaitBoundReceiver(Duration timeout) throws InterruptedException {
        return receivers.awaitReceiver(timeout);
    }

    /** Recent messages, oldest first (every pending one plus the last finished ones). */
    public synchronized List<SmscMessage> messages() {
        return List.copyOf(messages.values());
    }

    public synchronized Optional<SmscMessage> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** MT messages (submit_sm) ESMEs sent, oldest first. */
    public List<SubmittedMessage> submittedMessages() {
        return esmeRequests.submitted();
    }

    /** MT messages (submit_sm) sent to one handset ({@code +976XXXXXXXX}), oldest first: the phone's inbox. */
    public List<SubmittedMessage> submittedTo(String e164) {
        return esmeRequests.submittedTo(e164);
    }

    /** Unbinds the ESMEs, stops listening and cancels what is still pending. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        acceptor.close();
        dispatcher.shutdownNow();
        receivers.unbindAll();
        messages().forEach(SmscMessage::cancel);
        LOG.log(Level.INFO, "sandbox SMSC on port {0,number,#} stopped", port());
    }

    private SmscMessage enqueue(SmscMessage.Kind kind, String from, String to, String text, DeliverSmContent content) {
        if (closed) {
            throw new IllegalStateException("SMSC simulator is closed");
        }
        SmscMessage message = new SmscMessage("sim-" + ids.incrementAndGet(), kind, from, to, text, Instant.now(),
                content);
        remember(message);
        schedule(message, Duration.ZERO);
        return message;
    }

    private synchronized void remember(SmscMessage message) {
        messages.put(message.id(), message);
        if (messages.size() > KEEP_FINISHED) {
            List<String> evictable = new ArrayList<>();
            for (SmscMessage m : messages.values()) {
                if (messages.size() - evictable.size() <= KEEP_FINISHED) {
                    break;
                }
                if (!m.isPending()) {
                    evictable.add(m.id());
                }
            }
            evictable.forEach(messages::remove);
        }
    }

    private int count(SmscMessage.State state) {
        return (int) messages().stream().filter(m -> m.state() == state).count(); // pending ones are never evicted
    }

    private void schedule(SmscMessage message, Duration delay) {
        try {
            message.scheduleNext(dispatcher.schedule(() -> attempt(message), delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            message.cancel(); // closing
        }
    }

    /** A receiver just bound: stop waiting out the retry interval for queued messages. */
    private void redeliverPendingNow() {
        try {
            dispatcher.execute(() -> messages().stream().filter(SmscMessage::isPending)
                    .filter(SmscMessage::cancelNextAttempt).forEach(this::attempt));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs on the single dispatcher thread, so one message is in flight at a time. */
    private void attempt(SmscMessage message) {
        if (closed || !message.isPending()) {
            return;
        }
        Optional<SMPPServerSession> receiver = receivers.nextReceiver();
        if (receiver.isEmpty()) {
            message.retryLater(null, "no ESME bound as receiver");
            schedule(message, config.retryInterval());
            return;
        }
        DeliverSmContent c = message.content();
        message.sending();
        try {
            receiver.get().deliverShortMessage("", c.source().ton(), c.source().npi(), c.source().digits(),
                    c.destination().ton(), c.destination().npi(), c.destination().digits(), c.esmClass(),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(c.dataCoding()),
                    c.shortMessage(), c.optionalParameters());
            delivered.incrementAndGet(); // before completing the future, so observers see the count
            message.delivered();
            LOG.log(Level.INFO, "{0} delivered after {1} attempt(s)", message.id(), message.attempts());
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (TEMPORARY_STATUSES.contains(status)) {
                retry(message, status, "temporary error 0x" + Integer.toHexString(status));
            } else {
                failed.incrementAndGet();
                message.failed(status, "permanent error 0x" + Integer.toHexString(status));
                LOG.log(Level.INFO, "{0} refused permanently with 0x{1}", message.id(), Integer.toHexString(status));
            }
        } catch (ResponseTimeoutException e) {
            retry(message, null, "no deliver_sm_resp within " + config.responseTimeout());
        } catch (InvalidResponseException | IOException e) {
            retry(message, null, e.getClass().getSimpleName());
        } catch (PDUException e) {
            failed.incrementAndGet();
            message.failed(SMPPConstant.STAT_ESME_RSYSERR, "could not encode deliver_sm: " + e.getMessage());
        }
    }

    private void retry(SmscMessage message, Integer status, String problem) {
        message.retryLater(status, problem);
        LOG.log(Level.INFO, "{0} not accepted ({1}), redelivering in {2}", message.id(), problem,
                config.retryInterval());
        schedule(message, config.retryInterval());
    }
}
