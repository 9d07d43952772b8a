package mn.gov.khur.esign.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The digital-signature login methods, with their page ids from docs/CONTRACTS.md §3. */
public enum EsignMethod {
    TOKEN("khur-method-esign-token", "khurEsignMethodToken"),
    SIM("khur-method-esign-sim", "khurEsignMethodSim"),
    CLOUD("khur-method-esign-cloud", "khurEsignMethodCloud");

    private final String elementId;
    private final String messageKey;

    EsignMethod(String elementId, String messageKey) {
        this.elementId = elementId;
        this.messageKey = messageKey;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String getCode() {
        return code();
    }

    public String getElementId() {
        return elementId;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public static Optional<EsignMethod> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
