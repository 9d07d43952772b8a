package mn.gov.khur.sandbox.smsc;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/** A minimal ESME for the tests: binds with jsmpp and answers deliver_sm as the test decides. */
final class TestEsme implements AutoCloseable {

    private final SMPPSession session = new SMPPSession();
    private final List<DeliverSm> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<DeliverSm> responder = sm -> SMPPConstant.STAT_ESME_ROK;

    static TestEsme bind(int port, String systemId, String password, BindType bindType) throws IOException {
        TestEsme esme = new TestEsme();
        esme.session.setMessageReceiverListener(esme.new Listener());
        esme.session.connectAndBind("127.0.0.1", port, new BindParameter(bindType, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
        return esme;
    }

    /** Status to answer each deliver_sm with (0 = ESME_ROK); may also sleep to simulate a stall. */
    void respondWith(ToIntFunction<DeliverSm> newResponder) {
        responder = newResponder;
    }

    List<DeliverSm> received() {
        return received;
    }

    SMPPSession session() {
        return session;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }

    private final class Listener implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            received.add(deliverSm);
            int status = responder.applyAsInt(deliverSm);
            if (status != SMPPConstant.STAT_ESME_ROK) {
                throw new ProcessRequestException("test ESME answers 0x" + Integer.toHexString(status), status);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("no data_sm", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
