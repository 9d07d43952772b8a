package mn.gov.khur.sandbox.smsc;

import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.OptionalParameter;

/**
 * The fields of a deliver_sm, fixed when the message is queued so that every redelivery puts
 * the same PDU content on the wire, as a real SMSC does.
 */
record DeliverSmContent(SmppAddress source, SmppAddress destination, ESMClass esmClass,
                        byte dataCoding, byte[] shortMessage, OptionalParameter[] optionalParameters) {
}
