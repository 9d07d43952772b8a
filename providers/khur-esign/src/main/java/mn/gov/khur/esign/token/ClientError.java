package mn.gov.khur.esign.token;

import java.util.Arrays;
import java.util.Optional;

/** What the page reports when the ESIGN client did not sign; each has its own message. */
enum ClientError {
    NOT_RUNNING("not_running", "khurEsignClientNotRunning"),
    PIN_REFUSED("pin_refused", "khurEsignPinRefused"),
    CANCELLED("cancelled", "khurEsignCancelled"),
    NO_TOKEN("no_token", "khurEsignNoToken"),
    TIMEOUT("timeout", "khurEsignClientTimeout"),
    ORIGIN_MISMATCH("origin_mismatch", "khurEsignClientRefused"),
    OTHER("other", "khurEsignClientFailed");

    private final String code;
    private final String messageKey;

    ClientError(String code, String messageKey) {
        this.code = code;
        this.messageKey = messageKey;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return messageKey;
    }

    static ClientError fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst().orElse(OTHER);
    }

    static Optional<ClientError> reported(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(fromCode(code.strip()));
    }
}
