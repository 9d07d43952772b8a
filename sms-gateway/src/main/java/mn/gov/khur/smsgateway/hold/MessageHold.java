package mn.gov.khur.smsgateway.hold;

import mn.gov.khur.smsgateway.webhook.InboundSms;

/** Takes custody of an SMS the webhook refused for a reason that is not the SMS's (a secret or route mistake). */
@FunctionalInterface
public interface MessageHold {

    /** Keeps nothing: the SMSC keeps the SMS instead (temporary error). */
    MessageHold NONE = (sms, httpStatus) -> false;

    /**
     * @return true once the SMS is safely kept (the SMSC may then be told ESME_ROK); false when it cannot be (the hold
     *         is full or the disk failed), so the SMSC must keep it
     */
    boolean hold(InboundSms sms, int httpStatus);
}
