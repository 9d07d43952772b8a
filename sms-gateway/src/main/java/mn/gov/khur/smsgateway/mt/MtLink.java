package mn.gov.khur.smsgateway.mt;

import java.util.Optional;
import mn.gov.khur.smsgateway.config.BindMode;
import mn.gov.khur.smsgateway.config.SmscSettings;
import mn.gov.khur.smsgateway.smpp.SmscConnection;

/**
 * Which bind carries MT: the operator's own bind when it is a transceiver; otherwise a second, transmitter bind
 * with the same credentials, so the MO link stays receiver-only (least privilege) and a stuck MT never delays MO.
 */
public final class MtLink {

    private MtLink() {
    }

    /** A new connection to start, or empty when the operator's transceiver bind (the given one) already carries MT. */
    public static Optional<SmscConnection> extraConnection(SmscSettings operator) {
        if (operator.bindMode() == BindMode.TRANSCEIVER) {
            return Optional.empty();
        }
        return Optional.of(new SmscConnection(operator.asTransmitter(), new TransmitterOnlyListener()));
    }
}
