package mn.gov.khur.smsgateway.mt;

import java.io.IOException;
import mn.gov.khur.smsgateway.smpp.SmscConnection;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;

/** submit_sm over the MT link (a transmitter bind, or the operator's transceiver bind), UCS-2 ({@link MtEncoding}). */
public final class SmppMtSubmitter implements MtSubmitter {

    private final SmscConnection link;

    public SmppMtSubmitter(SmscConnection link) {
        this.link = link;
    }

    @Override
    public String submit(MtMessage message) throws SmscUnavailableException, SmscRejectedException {
        if (!link.isBound()) {
            throw new SmscUnavailableException("link " + link.operator() + " not bound");
        }
        MtEncoding encoding = MtEncoding.of(message.text());
        OptionalParameter[] tlvs = encoding.usesPayload()
                ? new OptionalParameter[] {new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), encoding.messagePayload())}
                : new OptionalParameter[0];
        try {
            return link.submit(message.from(), message.to(), DataCodings.newInstance(MtEncoding.DATA_CODING_UCS2),
                    encoding.shortMessage(), tlvs);
        } catch (IllegalStateException e) {
            throw new SmscUnavailableException(e.getMessage());
        } catch (NegativeResponseException e) {
            throw new SmscRejectedException("submit_sm_resp status 0x" + Integer.toHexString(e.getCommandStatus()));
        } catch (ResponseTimeoutException e) {
            throw new SmscRejectedException("no submit_sm_resp in time");
        } catch (PDUException | InvalidResponseException | IOException e) {
            throw new SmscRejectedException(e.getClass().getSimpleName());
        }
    }
}
