package mn.gov.khur.smsgateway.config;

import org.jsmpp.bean.BindType;

/** How the gateway binds; RECEIVER is the least privilege for MO-only traffic (threat model §2). */
public enum BindMode {
    RECEIVER(BindType.BIND_RX),
    TRANSCEIVER(BindType.BIND_TRX);

    private final BindType bindType;

    BindMode(BindType bindType) {
        this.bindType = bindType;
    }

    public BindType bindType() {
        return bindType;
    }
}
