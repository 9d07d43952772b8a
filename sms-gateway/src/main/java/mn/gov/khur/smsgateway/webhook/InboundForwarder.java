package mn.gov.khur.smsgateway.webhook;

/** Hands one MO SMS to the identity provider. */
@FunctionalInterface
public interface InboundForwarder {
    WebhookResult forward(InboundSms sms);
}
