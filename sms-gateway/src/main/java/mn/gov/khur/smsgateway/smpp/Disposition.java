package mn.gov.khur.smsgateway.smpp;

import org.jsmpp.SMPPConstant;

/** What became of one deliver_sm, and the command_status answered for it. */
public enum Disposition {
    /** The identity provider answered 2xx. */
    FORWARDED(SMPPConstant.STAT_ESME_ROK),
    /** A delivery receipt or other SMSC/SME notification: not a citizen's SMS. */
    IGNORED_RECEIPT(SMPPConstant.STAT_ESME_ROK),
    /** Addressed to another number than the short number. */
    IGNORED_OTHER_DESTINATION(SMPPConstant.STAT_ESME_ROK),
    /**
     * The sender, read with its type of number and numbering plan, is not a Mongolian mobile (a foreign number, an
     * alphanumeric sender, an IMSI): it can answer no challenge, and forwarding it would risk reading foreign digits
     * as a national number.
     */
    IGNORED_NOT_MONGOLIAN_MOBILE(SMPPConstant.STAT_ESME_ROK),
    /** Binary or unknown data_coding: nothing a citizen typed. */
    IGNORED_UNDECODABLE(SMPPConstant.STAT_ESME_ROK),
    /**
     * Webhook unreachable, timed out, 429 or 5xx, or a refusal the bridge could not keep (hold full, disk error): the
     * SMSC is asked to redeliver.
     */
    RETRY(SMPPConstant.STAT_ESME_RX_T_APPN),
    /**
     * Webhook refused it for a reason that is not the SMS's (401, 404, …): kept on disk by the bridge, which now has
     * custody and delivers it once the webhook accepts again.
     */
    HELD(SMPPConstant.STAT_ESME_ROK),
    /** Webhook refused the SMS for good (400, the SMS is malformed): the SMSC is told not to redeliver. */
    REJECTED(SMPPConstant.STAT_ESME_RX_P_APPN);

    private final int commandStatus;

    Disposition(int commandStatus) {
        this.commandStatus = commandStatus;
    }

    public int commandStatus() {
        return commandStatus;
    }
}
