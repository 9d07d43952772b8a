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
        /**
         * 401, 404 and every other 4xx but 400 and 429: a refusal that is not about the SMS (a secret rotated on one
         * side only, a wrong route, a proxy rule): keep the SMS and deliver it once the webhook accepts again.
         */
        HOLD,
        /** 400: the SMS itself is malformed, it will never be accepted; the only final refusal. */
        REJECTED
    }

    static WebhookResult fromStatus(int httpStatus, String detail) {
        Outcome outcome;
        if (httpStatus >= 200 && httpStatus < 300) {
            outcome = Outcome.ACCEPTED;
        } else if (httpStatus == 429 || httpStatus >= 500 || httpStatus < 200 || (httpStatus >= 300 && httpStatus < 400)) {
            // 3xx means a misconfigured URL (redirects are not followed): keep the SMS until fixed.
            outcome = Outcome.RETRY;
        } else if (httpStatus == 400) {
            outcome = Outcome.REJECTED;
        } else {
            outcome = Outcome.HOLD;
        }
        return new WebhookResult(outcome, httpStatus, detail);
    }

    static WebhookResult unreachable(String detail) {
        return new WebhookResult(Outcome.RETRY, 0, detail);
    }
}
