package mn.gov.khur.theme;

/** Stand-in for mn.gov.khur.esign.token.EsignTokenPage ("khurEsignToken") as the template sees it. */
public class EsignTokenPageBean {

    private final String dataToSign;
    private final String clientUrl;
    private final String installUrl;
    private final int timeoutSeconds;
    private final String registerNumber;

    EsignTokenPageBean(String dataToSign, String clientUrl, String installUrl, int timeoutSeconds, String registerNumber) {
        this.dataToSign = dataToSign;
        this.clientUrl = clientUrl;
        this.installUrl = installUrl;
        this.timeoutSeconds = timeoutSeconds;
        this.registerNumber = registerNumber == null ? "" : registerNumber;
    }

    public String getDataToSign() {
        return dataToSign;
    }

    public String getClientUrl() {
        return clientUrl;
    }

    public String getInstallUrl() {
        return installUrl;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public String getRegisterNumber() {
        return registerNumber;
    }
}
