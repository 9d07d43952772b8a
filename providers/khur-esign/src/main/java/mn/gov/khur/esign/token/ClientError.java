package mn.gov.khur.esign.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the page reports when the ESIGN client did not sign; each has its own message. The page
 * posts the lower-case name ({@code pin_refused}, see js/khur-esign-token.js).
 */
enum ClientError {
    NOT_RUNNING("khurEsignClientNotRunning"),
    PIN_REFUSED("khurEsignPinRefused"),
    CANCELLED("khurEsignCancelled"),
    NO_TOKEN("khurEsignNoToken"),
    TIMEOUT("khurEsignClientTimeout"),
    ORIGIN_MISMATCH("khurEsignClientRefused"),
    OTHER("khurEsignClientFailed");

    private final String messageKey;

    ClientError(String messageKey) {
        this.messageKey = messageKey;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String messageKey() {
        return messageKey;
    }

    static ClientError fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code().equals(code)).findFirst().orElse(OTHER);
    }

    static Optional<ClientError> reported(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(fromCode(code.strip()));
    }
}
