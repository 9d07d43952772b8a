package mn.gov.khur.sms.outbound;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jboss.logging.Logger;

/**
 * Sends MTs off the request thread: a bounded executor (2 threads, bounded queue; a full queue drops the message
 * rather than slowing logins), each send bounded by the client's timeout. Failures are logged with the masked
 * number and counted in {@code khur_sms_outbound_messages_total{outcome}}; nobody waits for the outcome.
 */
public final class OutboundSmsSender implements AutoCloseable {

    static final String METER = "khur_sms_outbound_messages";
    private static final int THREADS = 2;
    private static final Logger LOG = Logger.getLogger(OutboundSmsSender.class);

    private final OutboundSmsClient client;
    private final ThreadPoolExecutor executor;
    private final MeterRegistry registry;

    public OutboundSmsSender(OutboundSmsClient client, int queueCapacity, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                Thread.ofPlatform().daemon().name("khur-sms-outbound-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        for (OutboundSmsResult result : OutboundSmsResult.values()) {
            counter(result); // zeros, not gaps, on dashboards
        }
    }

    public static OutboundSmsSender create(OutboundSmsSettings settings, MeterRegistry registry) {
        if (!settings.configured()) {
            throw new IllegalStateException("outbound SMS is not configured");
        }
        OutboundSmsClient client = new OutboundSmsClient(settings.endpoint().orElseThrow(),
                new OutboundSmsSigner(settings.secret().orElseThrow()), settings.timeout(), Clock.systemUTC());
        return new OutboundSmsSender(client, settings.queueCapacity(), registry);
    }

    /** Queues the send; never throws, never blocks. */
    public void submit(OutboundSms sms) {
        try {
            executor.execute(() -> send(sms));
        } catch (RejectedExecutionException full) {
            LOG.warnf("Outbound SMS %s to %s dropped: the send queue is full", sms.messageId(), sms.to().masked());
            counter(OutboundSmsResult.DROPPED).increment();
        }
    }

    private void send(OutboundSms sms) {
        OutboundSmsResult result;
        try {
            int status = client.send(sms);
            result = status == 202 ? OutboundSmsResult.ACCEPTED : OutboundSmsResult.REFUSED;
            if (result == OutboundSmsResult.REFUSED) {
                LOG.warnf("Outbound SMS %s to %s refused by the SMS bridge: HTTP %d", sms.messageId(), sms.to().masked(), status);
            } else {
                LOG.debugf("Outbound SMS %s to %s accepted by the SMS bridge", sms.messageId(), sms.to().masked());
            }
        } catch (HttpTimeoutException e) {
            result = OutboundSmsResult.UNREACHABLE;
            LOG.warnf("Outbound SMS %s to %s: the SMS bridge did not answer in time", sms.messageId(), sms.to().masked());
        } catch (IOException e) {
            result = OutboundSmsResult.UNREACHABLE;
            LOG.warnf("Outbound SMS %s to %s: SMS bridge unreachable (%s)", sms.messageId(), sms.to().masked(),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = OutboundSmsResult.UNREACHABLE;
        } catch (RuntimeException e) {
            result = OutboundSmsResult.UNREACHABLE;
            LOG.warnf(e, "Outbound SMS %s to %s failed", sms.messageId(), sms.to().masked());
        }
        counter(result).increment();
    }

    private Counter counter(OutboundSmsResult result) {
        return Counter.builder(METER)
                .description("Mobile-terminated SMS handed to the SMPP bridge, by outcome")
                .tag("outcome", result.wireName())
                .register(registry);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
