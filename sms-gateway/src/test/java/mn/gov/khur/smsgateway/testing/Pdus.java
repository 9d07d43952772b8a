package mn.gov.khur.smsgateway.testing;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;

/** deliver_sm PDUs as jsmpp decodes them off the wire. */
public final class Pdus {

    private Pdus() {
    }

    public static DeliverSm mo(String source, String dest, byte dataCoding, byte[] body, OptionalParameter... tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setServiceType("");
        sm.setSourceAddrTon(TypeOfNumber.INTERNATIONAL.value());
        sm.setSourceAddrNpi(NumberingPlanIndicator.ISDN.value());
        sm.setSourceAddr(source);
        sm.setDestAddress(dest);
        sm.setEsmClass(MessageType.DEFAULT.value());
        sm.setDataCoding(dataCoding);
        sm.setShortMessage(body);
        sm.setOptionalParameters(tlvs);
        return sm;
    }

    public static DeliverSm gsm(String source, String dest, String asciiText, OptionalParameter... tlvs) {
        return mo(source, dest, (byte) 0x00, asciiText.getBytes(StandardCharsets.US_ASCII), tlvs);
    }

    /** The same PDU with another source type of number and numbering plan. */
    public static DeliverSm from(DeliverSm sm, TypeOfNumber ton, NumberingPlanIndicator npi) {
        sm.setSourceAddrTon(ton.value());
        sm.setSourceAddrNpi(npi.value());
        return sm;
    }

    public static DeliverSm receipt(String source, String dest, String receiptedId) {
        DeliverSm sm = gsm(source, dest, "id:" + receiptedId + " sub:001 dlvrd:001 submit date:2611241015 "
                + "done date:2611241016 stat:DELIVRD err:000 text:",
                new OptionalParameter.Receipted_message_id(receiptedId));
        sm.setEsmClass(MessageType.SMSC_DEL_RECEIPT.value());
        return sm;
    }
}
