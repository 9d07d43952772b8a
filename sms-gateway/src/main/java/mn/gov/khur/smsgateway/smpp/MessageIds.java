package mn.gov.khur.smsgateway.smpp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * The contract's {@code messageId}: identical for every redelivery of one MO by the SMSC, so the
 * identity provider's (gateway, messageId) store turns redeliveries into "duplicate".
 * <p>
 * SMPP 3.4 gives an MO deliver_sm no SMSC message id, and the sequence_number changes on every
 * redelivery. What an SMSC does repeat is the PDU content, so the id is a hash of it: operator,
 * addresses, coding, body and the user_message_reference TLV (the handset's TP-MR, which tells a
 * citizen's deliberate re-send of the same code apart from a redelivery; alone it is only 8-16
 * bits and collides across subscribers, so it is never used on its own). When an SMSC does put
 * its own id in receipted_message_id, that id (with the sender) is used instead, as it survives
 * re-encoding between attempts.
 */
public final class MessageIds {

    private static final int HEX_LENGTH = 32;

    private MessageIds() {
    }

    public static String of(String operator, DeliverSm sm) {
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
