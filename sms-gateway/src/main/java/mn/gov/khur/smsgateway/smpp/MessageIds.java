package mn.gov.khur.smsgateway.smpp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * The contract's {@code messageId} of every deliver_sm of one SMSC link: the same for every redelivery of one MO, so
 * the identity provider's (gateway, messageId) store answers a redelivery "duplicate", and a new one for a new SMS,
 * even one with the same text from the same phone (a citizen's second "0", a code sent again on purpose).
 * <p>
 * SMPP 3.4 gives an MO deliver_sm no id of its own and renumbers redeliveries. So:
 * <ul>
 *   <li>When the SMSC sends its own id (receipted_message_id) or the handset's TP-MR (user_message_reference), the id
 *       is a hash of the PDU's content with it ({@link #contentId}): a redelivery repeats both, a new SMS from the
 *       handset carries a new TP-MR.</li>
 *   <li>Without either, equal content says nothing about sameness. The id is then made fresh for the PDU (this
 *       bridge run, the sequence number, the arrival time, a counter) and kept as the content's <em>open</em> id
 *       until the SMSC is told the message is ours ({@link #settled}: ESME_ROK, or a final refusal). An identical PDU
 *       while the id is open can only be a redelivery (the SMSC redelivers only what it was not told to drop) and
 *       gets the same id; once settled, identical content is a new SMS and gets a new id.</li>
 * </ul>
 * Open ids live in memory, at most {@value #MAX_OPEN} of them for {@link #OPEN_FOR} (the identity provider's default
 * duplicate retention). What that cannot tell apart without an operator id: a redelivery after a bridge restart, or
 * after an ESME_ROK the SMSC never received, is a new message (the identity provider's challenges are single-use,
 * so it can approve nothing twice); the same text sent twice while the first waits for redelivery is one message.
 */
public final class MessageIds {

    static final int MAX_OPEN = 10_000;
    static final Duration OPEN_FOR = Duration.ofHours(48);
    private static final int HEX_LENGTH = 32;

    /** The id of one PDU, and the content whose open id it is when it was made fresh. */
    public record Assigned(String messageId, Optional<String> openFor, boolean redelivery) {
    }

    private record Open(String messageId, Instant openedAt) {
    }

    private final String operator;
    private final Clock clock;
    private final byte[] run = new byte[16];
    private final Map<String, Open> open = new LinkedHashMap<>();
    private long counter;

    public MessageIds(String operator, Clock clock) {
        this.operator = operator;
        this.clock = clock;
        new SecureRandom().nextBytes(run);
    }

    /** The messageId for this PDU, arriving now. */
    public synchronized Assigned assign(DeliverSm sm) {
        String content = contentId(operator, sm);
        if (receiptedMessageId(sm) != null || userMessageReference(sm) != null) {
            return new Assigned(content, Optional.empty(), false);
        }
        Instant now = clock.instant();
        forgetExpired(now);
        Open existing = open.get(content);
        if (existing != null) {
            return new Assigned(existing.messageId(), Optional.of(content), true);
        }
        String fresh = operator + "-" + new Fields().add("khur-mo-v2").add(content).add(run)
                .add(Integer.toString(sm.getSequenceNumber())).add(now.toString()).add(Long.toString(++counter))
                .hexDigest().substring(0, HEX_LENGTH);
        open.put(content, new Open(fresh, now));
        if (open.size() > MAX_OPEN) {
            Iterator<String> oldest = open.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return new Assigned(fresh, Optional.of(content), false);
    }

    /**
     * The SMSC was told the message is ours (ESME_ROK) or will never be (a final refusal): it will not redeliver it,
     * so identical content from now on is a new SMS.
     */
    public synchronized void settled(Assigned assigned) {
        assigned.openFor().ifPresent(content -> open.computeIfPresent(content,
                (key, current) -> current.messageId().equals(assigned.messageId()) ? null : current));
    }

    synchronized int openCount() {
        return open.size();
    }

    private void forgetExpired(Instant now) {
        Instant limit = now.minus(OPEN_FOR);
        open.values().removeIf(entry -> entry.openedAt().isBefore(limit));
    }

    /**
     * A hash of what an SMSC repeats on every redelivery: operator, addresses, coding, body, the handset's
     * user_message_reference (TP-MR; alone only 8-16 bits and shared across subscribers, so never used alone), or the
     * SMSC's own receipted_message_id with the addresses when it sends one (it survives re-encoding between attempts).
     */
    public static String contentId(String operator, DeliverSm sm) {
        Fields f = new Fields();
        f.add("khur-mo-v1").add(operator).add(sm.getSourceAddr()).add(sm.getDestAddress());
        String smscId = receiptedMessageId(sm);
        if (smscId != null) {
            f.add("smsc-id").add(smscId);
        } else {
            f.add(new byte[] {sm.getSourceAddrTon(), sm.getDataCoding(), sm.getEsmClass()})
                    .add(SmsText.body(sm))
                    .add(userMessageReference(sm))
                    .add(sm.getScheduleDeliveryTime())
                    .add(sm.getValidityPeriod());
        }
        return operator + "-" + f.hexDigest().substring(0, HEX_LENGTH);
    }

    private static String receiptedMessageId(DeliverSm sm) {
        if (sm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID)
                instanceof OptionalParameter.COctetString id) {
            String value = id.getValueAsString();
            return value == null || value.isBlank() ? null : value;
        }
        return null;
    }

    private static String userMessageReference(DeliverSm sm) {
        if (sm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE)
                instanceof OptionalParameter.Short ref) {
            return Integer.toString(ref.getValue() & 0xFFFF);
        }
        return null;
    }

    /** Length-prefixed fields, so that ("ab","c") and ("a","bc") hash differently. */
    private static final class Fields {
        private final MessageDigest sha256;

        Fields() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        Fields add(String value) {
            return add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        Fields add(byte[] value) {
            int length = value == null ? -1 : value.length;
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
            if (value != null) {
                sha256.update(value);
            }
            return this;
        }

        String hexDigest() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
