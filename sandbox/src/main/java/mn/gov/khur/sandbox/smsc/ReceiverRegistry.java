package mn.gov.khur.sandbox.smsc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsmpp.bean.BindType;
import org.jsmpp.session.SMPPServerSession;

/** The bound ESME sessions; deliver_sm goes round-robin to those bound as receiver or transceiver. */
final class ReceiverRegistry {

    private record Bound(SMPPServerSession session, BindType bindType) {
        boolean receives() {
            return bindType == BindType.BIND_RX || bindType == BindType.BIND_TRX;
        }
    }

    private final List<Bound> bound = new ArrayList<>();
    private int nextReceiver;

    void add(SMPPServerSession session, BindType bindType) {
        Bound entry = new Bound(session, bindType);
        session.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isBound()) {
                remove(entry);
            }
        });
        synchronized (this) {
            // The ESME may already have gone between bind_resp and here.
            if (session.getSessionState().isBound()) {
                bound.add(entry);
                notifyAll();
            }
        }
    }

    synchronized Optional<SMPPServerSession> nextReceiver() {
        List<Bound> receivers = bound.stream().filter(Bound::receives)
                .filter(b -> b.session().getSessionState().isBound()).toList();
        if (receivers.isEmpty()) {
            return Optional.empty();
        }
        nextReceiver = (nextReceiver + 1) % receivers.size();
        return Optional.of(receivers.get(nextReceiver).session());
    }

    synchronized int receiverCount() {
        return (int) bound.stream().filter(Bound::receives).count();
    }

    synchronized boolean awaitReceiver(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receiverCount() == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Unbinds every session: the ESME sees an orderly unbind, as on an SMSC shutdown. */
    void unbindAll() {
        List<Bound> all;
        synchronized (this) {
            all = List.copyOf(bound);
            bound.clear();
        }
        all.forEach(b -> b.session().unbindAndClose());
    }

    private synchronized void remove(Bound entry) {
        bound.remove(entry);
        notifyAll();
    }
}
