package mn.gov.khur.smsgateway.webhook;

/**
 * How the identity provider answered one forwarded SMS.
 *
 * @param httpStatus 0 when no HTTP response arrived (connection error, timeout)
 * @param detail     a short, PII-free reason for logs: the answer's "status"/"error" or the failure
 */
public record WebhookResult(Outcome outcome, int httpStatus, String detail) {

    public enum Outcome {
        /** 2xx (matched, unmatched, duplicate): acknowledge the SMS. */
        ACCEPTED,
        /** Connection error, timeout, 429, 5xx: let the SMSC redeliver. */
        RETRY,
        /** Any other answer: the SMS will never be accepted, redelivery is pointless. */
        REJECTED
    }

    static WebhookResult fromStatus(int httpStatus, String detail) {
        Outcome outcome;
        if (httpStatus >= 200 && httpStatus < 300) {
            outcome = Outcome.ACCEPTED;
        } else if (httpStatus == 429 || httpStatus >= 500 || httpStatus < 200 || (httpStatus >= 300 && httpStatus < 400)) {
            // 3xx means a misconfigured URL (redirects are not followed): keep the SMS until fixed.
            outcome = Outcome.RETRY;
        } else {
            outcome = Outcome.REJECTED;
        }
        return new WebhookResult(outcome, httpStatus, detail);
    }

    static WebhookResult unreachable(String detail) {
        return new WebhookResult(Outcome.RETRY, 0, detail);
    }
}
