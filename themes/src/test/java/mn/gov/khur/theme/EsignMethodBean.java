package mn.gov.khur.theme;

/** Stand-in for mn.gov.khur.esign.flow.EsignMethod as the templates see it (code, element id, message key). */
public class EsignMethodBean {

    private final String code;

    public EsignMethodBean(String code) {
        this.code = code;
    }

    public String getCode() {
        return code;
    }

    public String getElementId() {
        return "khur-method-esign-" + code;
    }

    public String getMessageKey() {
        return "khurEsignMethod" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
