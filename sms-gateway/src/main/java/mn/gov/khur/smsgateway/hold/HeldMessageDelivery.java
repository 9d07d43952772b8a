package mn.gov.khur.smsgateway.hold;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mn.gov.khur.smsgateway.Msisdn;
import mn.gov.khur.smsgateway.webhook.InboundForwarder;
import mn.gov.khur.smsgateway.webhook.WebhookResult;
import org.jboss.logging.Logger;

/**
 * Tries the held SMS again, oldest first, every {@code interval} (and at start, so a restart delivers what the
 * previous run kept): accepted (2xx) or refused for good (400) → forgotten; refused again (401, 404, …) or
 * unreachable → kept, and the round stops (the webhook is not fixed yet; the next round tries again); older than the
 * hold's maximum age → dropped. Each outcome is reported ({@code delivered}, {@code refused}, {@code expired}) for the
 * metrics. Same messageId as when first received, so the identity provider's duplicate check still holds.
 */
public final class HeldMessageDelivery implements AutoCloseable {

    /** What became of one held SMS in a round. */
    public enum Outcome { DELIVERED, REFUSED, EXPIRED, STILL_HELD }

    private static final Logger LOG = Logger.getLogger(HeldMessageDelivery.class);

    private final HeldMessages held;
    private final InboundForwarder forwarder;
    private final Consumer<Outcome> outcomes;
    private ScheduledExecutorService scheduler;

    public HeldMessageDelivery(HeldMessages held, InboundForwarder forwarder, Consumer<Outcome> outcomes) {
        this.held = held;
        this.forwarder = forwarder;
        this.outcomes = outcomes;
    }

    public synchronized void start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("held-sms").factory());
        scheduler.scheduleWithFixedDelay(this::roundQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; returns how many are still held. */
    public synchronized int deliverNow() {
        for (HeldMessages.Held message : held.oldestFirst()) {
            String id = message.sms().messageId();
            if (held.expired(message)) {
                held.release(message);
                LOG.errorf("event=held_sms outcome=expired messageId=%s from=%s held_since=%s last_http=%d", id,
                        Msisdn.mask(message.sms().from()), message.heldAt(), message.lastStatus());
                outcomes.accept(Outcome.EXPIRED);
                continue;
            }
            WebhookResult result = forwarder.forward(message.sms());
            switch (result.outcome()) {
                case ACCEPTED -> {
                    held.release(message);
                    LOG.infof("event=held_sms outcome=delivered messageId=%s from=%s held_since=%s detail=%s", id,
                            Msisdn.mask(message.sms().from()), message.heldAt(), result.detail());
                    outcomes.accept(Outcome.DELIVERED);
                }
                case REJECTED -> {
                    held.release(message);
                    LOG.errorf("event=held_sms outcome=refused messageId=%s from=%s http=%d detail=%s", id,
                            Msisdn.mask(message.sms().from()), result.httpStatus(), result.detail());
                    outcomes.accept(Outcome.REFUSED);
                }
                case HOLD, RETRY -> {
                    if (result.outcome() == WebhookResult.Outcome.HOLD) {
                        held.refusedAgain(message, result.httpStatus());
                    }
                    LOG.warnf("event=held_sms outcome=still_held messageId=%s http=%d detail=%s held=%d", id,
                            result.httpStatus(), result.detail().toLowerCase(Locale.ROOT), held.count());
                    outcomes.accept(Outcome.STILL_HELD);
                    return held.count();
                }
            }
        }
        return held.count();
    }

    private void roundQuietly() {
        try {
            deliverNow();
        } catch (RuntimeException e) {
            LOG.errorf("event=held_sms outcome=round_failed error=%s", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
