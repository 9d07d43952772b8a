package mn.gov.khur.smsgateway.config;

import org.jsmpp.bean.BindType;

/**
 * How the gateway binds; RECEIVER is the least privilege for MO-only traffic. TRANSMITTER is the
 * separate bind the bridge opens for MT (login notices) when the operator's MO bind is a receiver.
 */
public enum BindMode {
    RECEIVER(BindType.BIND_RX),
    TRANSMITTER(BindType.BIND_TX),
    TRANSCEIVER(BindType.BIND_TRX);

    private final BindType bindType;

    BindMode(BindType bindType) {
        this.bindType = bindType;
    }

    public BindType bindType() {
        return bindType;
    }
}
