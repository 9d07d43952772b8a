package mn.gov.khur.smsgateway.smpp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mn.gov.khur.smsgateway.config.SmscSettings;
import org.jboss.logging.Logger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

/**
 * Keeps one bind to one operator's SMSC: connects, binds, lets jsmpp answer and send
 * enquire_link (after {@code enquireLinkInterval} of silence; no answer closes the link), and
 * on any loss or bind failure reconnects after an exponential, capped backoff. Runs on its
 * own thread; a fresh {@link SMPPSession} per attempt, as jsmpp sessions are single-use.
 */
public final class SmscConnection implements AutoCloseable {

    public enum State { NEW, CONNECTING, BOUND, WAITING_TO_RECONNECT, STOPPED }

    /** A PII-free snapshot for health checks and logs. */
    public record Status(String operator, State state, Instant since, int failedAttempts, String lastError) {
    }

    private static final Logger LOG = Logger.getLogger(SmscConnection.class);
    /** Bind/unbind/enquire_link response wait. */
    private static final long TRANSACTION_TIMER_MS = 10_000;
    /** Concurrent deliver_sm in processing; each may wait for the webhook. */
    private static final int PDU_PROCESSORS = 8;

    private final SmscSettings settings;
    private final MessageReceiverListener listener;
    private final Supplier<SMPPSession> sessions;
    private final Clock clock;
    private final Backoff backoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile Thread worker;
    private volatile SMPPSession current;
    private volatile Status status;

    public SmscConnection(SmscSettings settings, MessageReceiverListener listener) {
        this(settings, listener, () -> new SMPPSession(new TimedSocketConnectionFactory(settings.bindTimeout())),
                Clock.systemUTC());
    }

    SmscConnection(SmscSettings settings, MessageReceiverListener listener, Supplier<SMPPSession> sessions,
                   Clock clock) {
        this.settings = settings;
        this.listener = listener;
        this.sessions = sessions;
        this.clock = clock;
        this.backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.status = new Status(settings.operator(), State.NEW, clock.instant(), 0, null);
    }

    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        worker = Thread.ofPlatform().daemon().name("smsc-" + settings.operator()).start(this::run);
    }

    public String operator() {
        return settings.operator();
    }

    public Status status() {
        return status;
    }

    public boolean isBound() {
        return status.state() == State.BOUND;
    }

    /** Whether this link may send submit_sm (transmitter or transceiver bind). */
    public boolean canSubmit() {
        return settings.bindMode() != mn.gov.khur.smsgateway.config.BindMode.RECEIVER;
    }

    /**
     * One submit_sm over the current bind, waiting at most the transaction timer for submit_sm_resp.
     *
     * @return the SMSC's message id
     * @throws IllegalStateException when not bound right now
     */
    public String submit(String sourceAddr, String destinationE164, org.jsmpp.bean.DataCoding dataCoding,
                         byte[] shortMessage, org.jsmpp.bean.OptionalParameter... optionalParameters)
            throws org.jsmpp.PDUException, org.jsmpp.extra.ResponseTimeoutException,
            org.jsmpp.InvalidResponseException, NegativeResponseException, IOException {
        SMPPSession session = current;
        if (!canSubmit() || session == null || !isBound() || !session.getSessionState().isTransmittable()) {
            throw new IllegalStateException("no transmitter bind to " + settings.operator());
        }
        String destination = destinationE164.startsWith("+") ? destinationE164.substring(1) : destinationE164;
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sourceAddr,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new org.jsmpp.bean.ESMClass(),
                (byte) 0, (byte) 0, null, null, new org.jsmpp.bean.RegisteredDelivery(0), (byte) 0, dataCoding,
                (byte) 0, shortMessage, optionalParameters).getMessageId();
    }

    /** Unbinds (an orderly unbind, so the SMSC stops sending to us) and stops reconnecting. */
    @Override
    public void close() {
        stopRequested.countDown();
        SMPPSession session = current;
        if (session != null) {
            session.unbindAndClose();
        }
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        while (!stopping()) {
            Instant boundAt = bindAndServe();
            if (stopping()) {
                break;
            }
            // A link that stayed up for a while starts the backoff afresh; a flapping one does not.
            if (boundAt != null && Duration.between(boundAt, clock.instant()).compareTo(backoff.max()) >= 0) {
                backoff.reset();
            }
            Duration delay = backoff.next();
            update(State.WAITING_TO_RECONNECT, status.lastError());
            LOG.infof("event=smsc_reconnect operator=%s in_ms=%d attempt=%d", settings.operator(), delay.toMillis(),
                    backoff.failures());
            try {
                if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        update(State.STOPPED, status.lastError());
        LOG.infof("event=smsc_stopped operator=%s", settings.operator());
    }

    /** One connection's life; returns when it was bound, or null if binding failed. */
    private Instant bindAndServe() {
        SMPPSession session = sessions.get();
        CountDownLatch down = new CountDownLatch(1);
        session.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED || (oldState.isBound() && !newState.isBound())) {
                down.countDown();
            }
        });
        session.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        session.setTransactionTimer(TRANSACTION_TIMER_MS);
        session.setPduProcessorDegree(PDU_PROCESSORS);
        session.setMessageReceiverListener(listener);
        current = session;
        update(State.CONNECTING, status.lastError());
        Instant boundAt = null;
        try {
            if (stopping()) {
                return null;
            }
            session.connectAndBind(settings.host(), settings.port(), bindParameter(),
                    settings.bindTimeout().toMillis());
            boundAt = clock.instant();
            update(State.BOUND, null);
            LOG.infof("event=smsc_bound operator=%s host=%s port=%d bind=%s", settings.operator(), settings.host(),
                    settings.port(), settings.bindMode());
            down.await();
            if (!stopping()) {
                update(State.CONNECTING, "link lost");
                LOG.warnf("event=smsc_link_lost operator=%s", settings.operator());
            }
        } catch (IOException e) {
            String reason = describe(e);
            update(State.CONNECTING, reason);
            LOG.warnf("event=smsc_bind_failed operator=%s host=%s port=%d reason=%s", settings.operator(),
                    settings.host(), settings.port(), reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        } finally {
            current = null;
            if (stopping() && session.getSessionState().isBound()) {
                session.unbindAndClose();
            } else {
                session.close();
            }
        }
        return boundAt;
    }

    private BindParameter bindParameter() {
        BindType bindType = settings.bindMode().bindType();
        return new BindParameter(bindType, settings.systemId(), settings.password(), settings.systemType(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                settings.addressRange().isEmpty() ? null : settings.addressRange());
    }

    /** failedAttempts counts reconnect waits since the last successful bind. */
    private synchronized void update(State state, String lastError) {
        int failed = switch (state) {
            case BOUND -> 0;
            case WAITING_TO_RECONNECT -> status.failedAttempts() + 1;
            default -> status.failedAttempts();
        };
        status = new Status(settings.operator(), state, clock.instant(), failed, lastError);
    }

    /** The bind error without secrets: jsmpp's messages carry no credentials, the status code says why. */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException n) {
                return "bind rejected with status 0x" + Integer.toHexString(n.getCommandStatus());
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
