package mn.gov.khur.sandbox.smsc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.RandomMessageIDGenerator;

/** Requests an ESME sends to the SMSC: submit_sm is accepted and recorded, the rest is refused. */
final class EsmeRequestHandler implements ServerMessageReceiverListener {

    private static final int KEEP_SUBMITTED = 200;

    private final MessageIDGenerator ids = new RandomMessageIDGenerator();
    private final Deque<SubmittedMessage> submitted = new ArrayDeque<>();

    synchronized List<SubmittedMessage> submitted() {
        return List.copyOf(submitted);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) {
        var messageId = ids.newMessageId();
        synchronized (this) {
            submitted.addLast(new SubmittedMessage(messageId.getValue(), submitSm.getSourceAddr(),
                    submitSm.getDestAddress(), submitSm.getDataCoding(), body(submitSm), Instant.now()));
            if (submitted.size() > KEEP_SUBMITTED) {
                submitted.removeFirst();
            }
        }
        return new SubmitSmResult(messageId, new OptionalParameter[0]);
    }

    /** short_message, or the message_payload TLV when short_message is empty (SMPP 3.4 §5.3.2.32). */
    private static byte[] body(SubmitSm submitSm) {
        byte[] shortMessage = submitSm.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        if (submitSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString p) {
            return p.getValue();
        }
        return new byte[0];
    }

    /** MT messages sent to one handset, oldest first. */
    synchronized List<SubmittedMessage> submittedTo(String e164) {
        return submitted.stream().filter(m -> e164.equals(m.toE164())).toList();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                           SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

    private static ProcessRequestException unsupported(String command) {
        return new ProcessRequestException(command + " is not supported by the sandbox SMSC",
                SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
